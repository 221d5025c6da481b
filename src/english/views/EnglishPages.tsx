import React from 'react'

import type { ChartLayout } from '../../organisation/chart.ts'
import type { UnitNode } from '../../organisation/tree.ts'
import type { PublicPerson, PublicUnit, PublicUnitPage } from '../../site/readModel/organisation.ts'
import type { Crumb } from '../../site/views/components/Breadcrumb.tsx'

import { OrgChart } from '../../organisation/views/OrgChart.tsx'
import { PersonCard, Translated, UnitContacts, UnitTree } from '../../organisation/views/parts.tsx'
import { EN_DIRECTORY_PATH, EN_HOME_PATH, EN_LEADERS_PATH, EN_SPOKESPERSON_PATH, EN_STRUCTURE_PATH, enUnitPath, languageVersionsOf } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Layout } from '../../site/views/Layout.tsx'
import { EN } from '../strings.ts'

/** What the English pages receive besides their own data: the site and its address. */
export type EnglishContext = { site: Parameters<typeof Layout>[0]['site']; origin: string }

type Frame = { context: EnglishContext; title: React.ReactNode; plainTitle: string; path: string; crumbs: Crumb[]; description?: string; children: React.ReactNode }

function EnglishFrame({ context, title, plainTitle, path, crumbs, description, children }: Frame) {
  return (
    <Layout site={context.site} navigation={[]} language="en" meta={{ title: plainTitle, description, canonical: `${context.origin}${path}` }}>
      <Breadcrumb crumbs={crumbs} home={{ label: EN.pages.introduction, href: EN_HOME_PATH }} label={EN.frame.breadcrumb} />
      <div className="main-column organisation">
        <h1 className="page-title">{title}</h1>
        {children}
      </div>
    </Layout>
  )
}

/** Said in English where editors have not translated a text yet, with the Vietnamese page linked. */
export function UntranslatedNotice({ path }: { path: string }) {
  const vietnamese = languageVersionsOf(path)?.vi
  return (
    <p className="notice untranslated" role="note">
      {EN.untranslated.notice}{' '}
      {vietnamese ? (
        <a href={vietnamese} hrefLang="vi">
          {EN.untranslated.readVietnamese}
        </a>
      ) : null}
    </p>
  )
}

/** Functions and duties in English, or the notice. */
function Functions({ unit, path, headingId }: { unit: PublicUnitPage; path: string; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {EN.pages.functions}
      </h2>
      {unit.functionsHtmlEn ? <div className="article-body" dangerouslySetInnerHTML={{ __html: unit.functionsHtmlEn }} /> : <UntranslatedNotice path={path} />}
    </section>
  )
}

const nameOf = (unit: PublicUnit) => unit.en.name ?? unit.name

/** "About us": the agency in English: contacts, functions and duties, leaders. */
export function EnglishIntroductionPage({ context, agency, leaders }: { context: EnglishContext; agency: PublicUnitPage; leaders: PublicPerson[] }) {
  return (
    <EnglishFrame
      context={context}
      title={<Translated en={agency.en.name} vi={agency.name} />}
      plainTitle={nameOf(agency)}
      path={EN_HOME_PATH}
      crumbs={[]}
      description={EN.pages.introductionDescription(nameOf(agency))}
    >
      {agency.en.name ? null : <UntranslatedNotice path={EN_HOME_PATH} />}
      <UnitContacts unit={agency} language="en" />
      <Functions unit={agency} path={EN_HOME_PATH} headingId="functions" />
      {leaders.length > 0 ? (
        <section aria-labelledby="agency-leaders">
          <h2 id="agency-leaders" className="section-title">
            {EN.pages.leaders}
          </h2>
          <ul className="plain-list">
            {leaders.map((leader) => (
              <li key={leader.id}>
                <strong>{leader.name}</strong>, <Translated en={leader.en.title} vi={leader.title} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="organisation-links">
        <a href={EN_STRUCTURE_PATH}>{EN.pages.structure}</a> · <a href={EN_LEADERS_PATH}>{EN.pages.leaders}</a> · <a href={EN_DIRECTORY_PATH}>{EN.pages.directory}</a> ·{' '}
        <a href={EN_SPOKESPERSON_PATH}>{EN.pages.spokesperson}</a>
      </p>
    </EnglishFrame>
  )
}

/** The structure: the chart (English names where translated) and the same units as a nested list. */
export function EnglishStructurePage({ context, tree, layout }: { context: EnglishContext; tree: UnitNode[]; layout: ChartLayout }) {
  return (
    <EnglishFrame context={context} title={EN.pages.structure} plainTitle={EN.pages.structure} path={EN_STRUCTURE_PATH} crumbs={[{ label: EN.pages.structure }]}>
      {tree.length === 0 ? (
        <p>{EN.empty.structure}</p>
      ) : (
        <div className="org-structure">
          <section className="org-chart-frame" aria-labelledby="chart">
            <h2 id="chart" className="section-title">
              {EN.pages.chart}
            </h2>
            <div className="org-chart-scroll" tabIndex={0} role="region" aria-label={EN.pages.chartScroll}>
              <OrgChart layout={layout} title={EN.pages.chartTitle(nameOf(tree[0]!.unit))} />
            </div>
          </section>
          <section aria-labelledby="unit-list">
            <h2 id="unit-list" className="section-title">
              {EN.pages.unitList}
            </h2>
            <UnitTree nodes={tree} id="unit-tree" language="en" />
          </section>
        </div>
      )}
    </EnglishFrame>
  )
}

/** A unit in English; untranslated, it says so and links to its Vietnamese page. */
export function EnglishUnitPage({ context, unit, parent, children, people }: { context: EnglishContext; unit: PublicUnitPage; parent?: PublicUnit; children: PublicUnit[]; people: PublicPerson[] }) {
  const path = enUnitPath(unit.slug)
  return (
    <EnglishFrame
      context={context}
      title={<Translated en={unit.en.name} vi={unit.name} />}
      plainTitle={nameOf(unit)}
      path={path}
      crumbs={[{ label: EN.pages.structure, href: EN_STRUCTURE_PATH }, { label: nameOf(unit), lang: unit.en.name ? undefined : 'vi' }]}
    >
      {unit.en.name ? null : <UntranslatedNotice path={path} />}
      {parent ? (
        <p className="meta-inline">
          {EN.pages.partOf}:{' '}
          <a href={enUnitPath(parent.slug)}>
            <Translated en={parent.en.name} vi={parent.name} />
          </a>
        </p>
      ) : null}
      <UnitContacts unit={unit} language="en" />
      {unit.en.name ? <Functions unit={unit} path={path} headingId="functions" /> : null}
      {people.length > 0 ? (
        <section aria-labelledby="unit-people">
          <h2 id="unit-people" className="section-title">
            {EN.pages.people}
          </h2>
          <div className="person-grid">
            {people.map((person) => (
              <PersonCard key={person.id} person={person} headingLevel={3} withUnit={false} language="en" />
            ))}
          </div>
        </section>
      ) : null}
      {children.length > 0 ? (
        <section aria-labelledby="attached-units">
          <h2 id="attached-units" className="section-title">
            {EN.pages.attachedUnits}
          </h2>
          <ul className="plain-list">
            {children.map((child) => (
              <li key={child.id}>
                <a href={enUnitPath(child.slug)}>
                  <Translated en={child.en.name} vi={child.name} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </EnglishFrame>
  )
}

export function EnglishLeadersPage({ context, leaders }: { context: EnglishContext; leaders: PublicPerson[] }) {
  return (
    <EnglishFrame context={context} title={EN.pages.leaders} plainTitle={EN.pages.leaders} path={EN_LEADERS_PATH} crumbs={[{ label: EN.pages.leaders }]}>
      {leaders.length === 0 ? <p>{EN.empty.leaders}</p> : null}
      <div className="person-grid">
        {leaders.map((leader) => (
          <PersonCard key={leader.id} person={leader} withBio language="en" />
        ))}
      </div>
    </EnglishFrame>
  )
}

/** Contacts: contact officials first, then everyone; the form searches English and Vietnamese texts. */
export function EnglishDirectoryPage({ context, query, people, units }: { context: EnglishContext; query: string; people: PublicPerson[]; units: PublicUnit[] }) {
  const searching = query.length > 0
  return (
    <EnglishFrame
      context={context}
      title={EN.pages.directory}
      plainTitle={EN.pages.directory}
      path={EN_DIRECTORY_PATH}
      crumbs={[{ label: EN.pages.directory }]}
      description={EN.pages.directoryDescription}
    >
      <form className="directory-search" action={EN_DIRECTORY_PATH} method="get" role="search" aria-label={EN.directory.searchRegion}>
        <label htmlFor="search-contacts">{EN.directory.searchLabel}</label>
        <div className="directory-search-row">
          <input id="search-contacts" type="search" name="q" defaultValue={query} maxLength={200} autoComplete="off" />
          <button type="submit">{EN.directory.search}</button>
        </div>
      </form>
      <p className="directory-count" role="status">
        {searching ? EN.directory.found(people.length, units.length, query) : EN.directory.total(people.length, units.length)}
        {searching ? (
          <>
            {' '}
            <a href={EN_DIRECTORY_PATH}>{EN.directory.showAll}</a>
          </>
        ) : null}
      </p>
      {people.length > 0 ? (
        <section aria-labelledby="directory-people">
          <h2 id="directory-people" className="section-title">
            {EN.pages.people}
          </h2>
          <div className="person-grid person-grid--compact">
            {people.map((person) => (
              <PersonCard key={person.id} person={person} headingLevel={3} language="en" />
            ))}
          </div>
        </section>
      ) : null}
      {units.length > 0 ? (
        <section aria-labelledby="directory-units">
          <h2 id="directory-units" className="section-title">
            {EN.pages.units}
          </h2>
          <ul className="plain-list unit-contacts">
            {units.map((unit) => (
              <li key={unit.id} data-unit={unit.id}>
                <h3 className="person-name">
                  <a href={enUnitPath(unit.slug)}>
                    <Translated en={unit.en.name} vi={unit.name} />
                  </a>
                </h3>
                <UnitContacts unit={unit} language="en" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </EnglishFrame>
  )
}

export function EnglishSpokespersonPage({ context, spokespeople }: { context: EnglishContext; spokespeople: PublicPerson[] }) {
  return (
    <EnglishFrame context={context} title={EN.pages.spokesperson} plainTitle={EN.pages.spokesperson} path={EN_SPOKESPERSON_PATH} crumbs={[{ label: EN.pages.spokesperson }]}>
      <p>{EN.pages.spokespersonIntro}</p>
      {spokespeople.length === 0 ? <p>{EN.empty.spokesperson}</p> : null}
      <div className="person-grid">
        {spokespeople.map((person) => (
          <PersonCard key={person.id} person={person} language="en" />
        ))}
      </div>
    </EnglishFrame>
  )
}
