import type { Request } from 'express'

import { Router } from 'express'
import React from 'react'

import type { PublicUnit } from '../site/readModel/organisation.ts'
import type { SiteServices } from '../site/requestHelpers.ts'

import { toSearchText } from '../lib/vietnamese.ts'
import { pageTags } from '../site/cache/tags.ts'
import { notFound } from '../site/httpError.ts'
import { DIRECTORY_PATH, INTRODUCTION_PATH, LEADERS_PATH, ORGANISATION_ROUTES, SPOKESPERSON_PATH, STRUCTURE_PATH } from '../site/paths.ts'
import { createOrganisationReader } from '../site/readModel/organisation.ts'
import { readStoreOf } from '../site/readModel/store.ts'
import { html, pageContext, searchParam, siteOf, slugParam } from '../site/requestHelpers.ts'
import { layoutChart } from './chart.ts'
import { agencyOf, buildUnitTree } from './tree.ts'
import { DirectoryPage, IntroductionPage, LeadersPage, SpokespersonPage, StructurePage, UnitPage } from './views/OrganisationPages.tsx'

/** Whether every query word starts a word of the unit's name or contacts (folded like the people's search). */
function unitMatches(unit: PublicUnit, words: string[]): boolean {
  const text = toSearchText([unit.name, unit.address, unit.phone, unit.email].filter(Boolean).join(' '))
  return words.every((word) => text.includes(` ${word}`))
}

/**
 * The organisation pages (Decree 42/2022/NĐ-CP Art. 4(1)(e), Decree 09/2017/NĐ-CP). Each reads the
 * read model's unit and person records of the request's site, renders a pure view, and is kept in
 * the page cache under one tag that any change to the site's units or people purges.
 */
export function organisationRoutes(services: SiteServices): Router {
  const { cache } = services
  const organisation = createOrganisationReader(readStoreOf(services.payload))
  const router = Router()
  const tags = [pageTags.organisation]
  const context = (req: Request, res: Parameters<typeof siteOf>[0]) => pageContext(services, req, res)

  router.get(
    INTRODUCTION_PATH,
    cache.page({}, async (req, res) => {
      const site = siteOf(res)
      const agency = agencyOf(buildUnitTree(await organisation.units(site)))
      const page = agency ? await organisation.unit(site, agency.slug) : undefined
      if (!page) throw notFound('Chưa có thông tin giới thiệu cơ quan.')
      const [pageContextValue, leaders] = await Promise.all([context(req, res), organisation.people(site, 'leader')])
      return html(React.createElement(IntroductionPage, { context: pageContextValue, agency: page, leaders }), tags)
    }),
  )

  router.get(
    STRUCTURE_PATH,
    cache.page({}, async (req, res) => {
      const [pageContextValue, units] = await Promise.all([context(req, res), organisation.units(siteOf(res))])
      const tree = buildUnitTree(units)
      return html(React.createElement(StructurePage, { context: pageContextValue, tree, layout: layoutChart(tree) }), tags)
    }),
  )

  router.get(
    ORGANISATION_ROUTES.unit,
    cache.page({}, async (req, res) => {
      const site = siteOf(res)
      const unit = await organisation.unit(site, slugParam(req))
      if (!unit) throw notFound('Không tìm thấy đơn vị này.')
      const [pageContextValue, units, people] = await Promise.all([context(req, res), organisation.units(site), organisation.people(site, `unit:${unit.id}`)])
      const parent = units.find((candidate) => unit.parent !== null && String(candidate.id) === String(unit.parent))
      const children = units.filter((candidate) => String(candidate.parent) === String(unit.id))
      return html(React.createElement(UnitPage, { context: pageContextValue, unit, parent, children, people }), tags)
    }),
  )

  router.get(
    LEADERS_PATH,
    cache.page({}, async (req, res) => {
      const [pageContextValue, leaders] = await Promise.all([context(req, res), organisation.people(siteOf(res), 'leader')])
      return html(React.createElement(LeadersPage, { context: pageContextValue, leaders }), tags)
    }),
  )

  router.get(
    DIRECTORY_PATH,
    cache.page({ params: ['q'] }, async (req, res) => {
      const site = siteOf(res)
      const query = searchParam(req)
      const searching = query.words.length > 0
      const [pageContextValue, found, units] = await Promise.all([
        context(req, res),
        searching ? organisation.searchPeople(site, query.words) : organisation.people(site),
        organisation.units(site),
      ])
      // Contact officials first, then the others in their order.
      const people = [...found.filter((person) => person.isContact), ...found.filter((person) => !person.isContact)]
      const shownUnits = searching ? units.filter((unit) => unitMatches(unit, query.words)) : units
      return html(React.createElement(DirectoryPage, { context: pageContextValue, query: query.text, people, units: shownUnits }), tags)
    }),
  )

  router.get(
    SPOKESPERSON_PATH,
    cache.page({}, async (req, res) => {
      const [pageContextValue, spokespeople] = await Promise.all([context(req, res), organisation.people(siteOf(res), 'spokesperson')])
      return html(React.createElement(SpokespersonPage, { context: pageContextValue, spokespeople }), tags)
    }),
  )

  return router
}
