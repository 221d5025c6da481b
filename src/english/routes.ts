import type { Response } from 'express'

import { Router } from 'express'
import React from 'react'

import type { UnitNode } from '../organisation/tree.ts'
import type { PublicUnit } from '../site/readModel/organisation.ts'
import type { SiteServices } from '../site/requestHelpers.ts'
import type { EnglishContext } from './views/EnglishPages.tsx'

import { toSearchText } from '../lib/vietnamese.ts'
import { layoutChart } from '../organisation/chart.ts'
import { agencyOf, buildUnitTree } from '../organisation/tree.ts'
import { pageTags } from '../site/cache/tags.ts'
import { HttpError } from '../site/httpError.ts'
import { siteOrigin } from '../site/origin.ts'
import { EN_DIRECTORY_PATH, EN_LEADERS_PATH, EN_ROUTES, EN_SPOKESPERSON_PATH, EN_STRUCTURE_PATH } from '../site/paths.ts'
import { createOrganisationReader } from '../site/readModel/organisation.ts'
import { readStoreOf } from '../site/readModel/store.ts'
import { html, searchParam, siteOf, slugParam } from '../site/requestHelpers.ts'
import { EN } from './strings.ts'
import { EnglishDirectoryPage, EnglishIntroductionPage, EnglishLeadersPage, EnglishSpokespersonPage, EnglishStructurePage, EnglishUnitPage } from './views/EnglishPages.tsx'

/** The tree with English names where translated, for the chart's boxes. */
function inEnglish(tree: UnitNode[]): UnitNode[] {
  return tree.map(({ unit, children }) => ({ unit: { ...unit, name: unit.en.name ?? unit.name }, children: inEnglish(children) }))
}

/** Whether every query word starts a word of the unit's names (either language) or contacts. */
function unitMatches(unit: PublicUnit, words: string[]): boolean {
  const text = toSearchText([unit.name, unit.en.name, unit.address, unit.en.address, unit.phone, unit.email].filter(Boolean).join(' '))
  return words.every((word) => text.includes(` ${word}`))
}

/**
 * The English section (Decree 42/2022/NĐ-CP Art. 7(2)): the organisation's structure, functions and
 * contacts in English, from the same read-model records as the Vietnamese pages (their `en` texts),
 * cached and purged with them under one tag.
 */
/** A 404 of the English section, said in English. */
export const englishNotFound = (message: string = EN.errors.notFound) => new HttpError(404, EN.errors.notFoundTitle, message, 'en')

export function englishRoutes(services: SiteServices): Router {
  const { cache } = services
  const organisation = createOrganisationReader(readStoreOf(services.payload))
  const router = Router()
  const tags = [pageTags.organisation]
  const context = (res: Response): EnglishContext => ({ site: siteOf(res), origin: siteOrigin(siteOf(res)) })

  router.get(
    EN_ROUTES.home,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const agency = agencyOf(buildUnitTree(await organisation.units(site)))
      const page = agency ? await organisation.unit(site, agency.slug) : undefined
      if (!page) throw englishNotFound(EN.empty.introduction)
      const leaders = await organisation.people(site, 'leader')
      return html(React.createElement(EnglishIntroductionPage, { context: context(res), agency: page, leaders }), tags)
    }),
  )

  router.get(
    EN_STRUCTURE_PATH,
    cache.page({}, async (_req, res) => {
      const tree = buildUnitTree(await organisation.units(siteOf(res)))
      return html(React.createElement(EnglishStructurePage, { context: context(res), tree, layout: layoutChart(inEnglish(tree)) }), tags)
    }),
  )

  router.get(
    EN_ROUTES.unit,
    cache.page({}, async (req, res) => {
      const site = siteOf(res)
      const unit = await organisation.unit(site, slugParam(req))
      if (!unit) throw englishNotFound(EN.empty.unit)
      const [units, people] = await Promise.all([organisation.units(site), organisation.people(site, `unit:${unit.id}`)])
      const parent = units.find((candidate) => unit.parent !== null && String(candidate.id) === String(unit.parent))
      const children = units.filter((candidate) => String(candidate.parent) === String(unit.id))
      return html(React.createElement(EnglishUnitPage, { context: context(res), unit, parent, children, people }), tags)
    }),
  )

  router.get(
    EN_LEADERS_PATH,
    cache.page({}, async (_req, res) => {
      const leaders = await organisation.people(siteOf(res), 'leader')
      return html(React.createElement(EnglishLeadersPage, { context: context(res), leaders }), tags)
    }),
  )

  router.get(
    EN_DIRECTORY_PATH,
    cache.page({ params: ['q'] }, async (req, res) => {
      const site = siteOf(res)
      const query = searchParam(req)
      const searching = query.words.length > 0
      const [found, units] = await Promise.all([searching ? organisation.searchPeople(site, query.words) : organisation.people(site), organisation.units(site)])
      const people = [...found.filter((person) => person.isContact), ...found.filter((person) => !person.isContact)]
      const shownUnits = searching ? units.filter((unit) => unitMatches(unit, query.words)) : units
      return html(React.createElement(EnglishDirectoryPage, { context: context(res), query: query.text, people, units: shownUnits }), tags)
    }),
  )

  router.get(
    EN_SPOKESPERSON_PATH,
    cache.page({}, async (_req, res) => {
      const spokespeople = await organisation.people(siteOf(res), 'spokesperson')
      return html(React.createElement(EnglishSpokespersonPage, { context: context(res), spokespeople }), tags)
    }),
  )

  return router
}
