import React from 'react'

import type { PublicPerson, PublicUnit, PublicUnitPage } from '../../site/readModel/organisation.ts'
import type { PageContext } from '../../site/views/context.ts'
import type { ChartLayout } from '../chart.ts'
import type { UnitNode } from '../tree.ts'

import { DIRECTORY_PATH, INTRODUCTION_PATH, LEADERS_PATH, SPOKESPERSON_PATH, STRUCTURE_PATH, unitPath } from '../../site/paths.ts'
import { Breadcrumb, type Crumb } from '../../site/views/components/Breadcrumb.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { OrgChart } from './OrgChart.tsx'
import { PersonCard, UnitContacts, UnitTree } from './parts.tsx'

type Frame = { context: PageContext; title: string; path: string; crumbs: Crumb[]; description?: string; sidebar?: boolean; children: React.ReactNode }

/** The frame of the organisation pages: layout, breadcrumb, title, and the sidebar unless the page needs the width. */
function OrganisationFrame({ context, title, path, crumbs, description, sidebar = true, children }: Frame) {
  const body = (
    <div className="main-column organisation">
      <h1 className="page-title">{title}</h1>
      {children}
    </div>
  )
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title, description, canonical: absolute(context, path) }}>
      <Breadcrumb crumbs={crumbs} />
      {sidebar ? (
        <div className="with-sidebar">
          {body}
          <Sidebar data={context.sidebar} />
        </div>
      ) : (
        body
      )}
    </Layout>
  )
}

const INTRODUCTION: Crumb = { label: 'Giới thiệu', href: INTRODUCTION_PATH }

/** "Giới thiệu": the agency, its contacts and its functions and duties. */
export function IntroductionPage({ context, agency, leaders }: { context: PageContext; agency: PublicUnitPage; leaders: PublicPerson[] }) {
  return (
    <OrganisationFrame context={context} title={agency.name} path={INTRODUCTION_PATH} crumbs={[{ label: 'Giới thiệu' }]} description={`Giới thiệu ${agency.name}: chức năng, nhiệm vụ, cơ cấu tổ chức và thông tin liên hệ.`}>
      <UnitContacts unit={agency} />
      <section aria-labelledby="chuc-nang-nhiem-vu">
        <h2 id="chuc-nang-nhiem-vu" className="section-title">
          Chức năng, nhiệm vụ
        </h2>
        {agency.functionsHtml ? <div className="article-body" dangerouslySetInnerHTML={{ __html: agency.functionsHtml }} /> : <p>Chưa cập nhật.</p>}
      </section>
      {leaders.length > 0 ? (
        <section aria-labelledby="lanh-dao-co-quan">
          <h2 id="lanh-dao-co-quan" className="section-title">
            Lãnh đạo
          </h2>
          <ul className="plain-list">
            {leaders.map((leader) => (
              <li key={leader.id}>
                <strong>{leader.name}</strong>, {leader.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="organisation-links">
        <a href={STRUCTURE_PATH}>Cơ cấu tổ chức</a> · <a href={LEADERS_PATH}>Lãnh đạo</a> · <a href={DIRECTORY_PATH}>Danh bạ</a> · <a href={SPOKESPERSON_PATH}>Người phát ngôn</a>
      </p>
    </OrganisationFrame>
  )
}

/** "Cơ cấu tổ chức": the chart as a picture and, beside it, the same units as a nested list. */
export function StructurePage({ context, tree, layout }: { context: PageContext; tree: UnitNode[]; layout: ChartLayout }) {
  return (
    <OrganisationFrame context={context} title="Cơ cấu tổ chức" path={STRUCTURE_PATH} crumbs={[INTRODUCTION, { label: 'Cơ cấu tổ chức' }]} sidebar={false}>
      {tree.length === 0 ? (
        <p>Chưa cập nhật cơ cấu tổ chức.</p>
      ) : (
        <div className="org-structure">
          <section className="org-chart-frame" aria-labelledby="so-do">
            <h2 id="so-do" className="section-title">
              Sơ đồ tổ chức
            </h2>
            {/* Wider than a phone: it scrolls sideways, by keyboard too. */}
            <div className="org-chart-scroll" tabIndex={0} role="region" aria-label="Sơ đồ tổ chức (cuộn ngang)">
              <OrgChart layout={layout} title={`Sơ đồ cơ cấu tổ chức ${tree[0]!.unit.name}`} />
            </div>
          </section>
          <section aria-labelledby="danh-sach-don-vi">
            <h2 id="danh-sach-don-vi" className="section-title">
              Danh sách đơn vị
            </h2>
            <UnitTree nodes={tree} id="cay-don-vi" />
          </section>
        </div>
      )}
    </OrganisationFrame>
  )
}

/** A unit's own page: where it belongs, its contacts, functions and duties, people and units under it. */
export function UnitPage({ context, unit, parent, children, people }: { context: PageContext; unit: PublicUnitPage; parent?: PublicUnit; children: PublicUnit[]; people: PublicPerson[] }) {
  return (
    <OrganisationFrame context={context} title={unit.name} path={unitPath(unit.slug)} crumbs={[INTRODUCTION, { label: 'Cơ cấu tổ chức', href: STRUCTURE_PATH }, { label: unit.name }]}>
      {parent ? (
        <p className="meta-inline">
          Trực thuộc: <a href={unitPath(parent.slug)}>{parent.name}</a>
        </p>
      ) : null}
      <UnitContacts unit={unit} />
      <section aria-labelledby="chuc-nang-nhiem-vu">
        <h2 id="chuc-nang-nhiem-vu" className="section-title">
          Chức năng, nhiệm vụ
        </h2>
        {unit.functionsHtml ? <div className="article-body" dangerouslySetInnerHTML={{ __html: unit.functionsHtml }} /> : <p>Chưa cập nhật.</p>}
      </section>
      {people.length > 0 ? (
        <section aria-labelledby="can-bo-don-vi">
          <h2 id="can-bo-don-vi" className="section-title">
            Lãnh đạo, cán bộ
          </h2>
          <div className="person-grid">
            {people.map((person) => (
              <PersonCard key={person.id} person={person} headingLevel={3} withUnit={false} />
            ))}
          </div>
        </section>
      ) : null}
      {children.length > 0 ? (
        <section aria-labelledby="don-vi-truc-thuoc">
          <h2 id="don-vi-truc-thuoc" className="section-title">
            Đơn vị trực thuộc
          </h2>
          <ul className="plain-list">
            {children.map((child) => (
              <li key={child.id}>
                <a href={unitPath(child.slug)}>{child.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </OrganisationFrame>
  )
}

/** "Lãnh đạo": the leaders with photo, title, contacts and short biography. */
export function LeadersPage({ context, leaders }: { context: PageContext; leaders: PublicPerson[] }) {
  return (
    <OrganisationFrame context={context} title="Lãnh đạo" path={LEADERS_PATH} crumbs={[INTRODUCTION, { label: 'Lãnh đạo' }]}>
      {leaders.length === 0 ? <p>Chưa cập nhật thông tin lãnh đạo.</p> : null}
      <div className="person-grid">
        {leaders.map((leader) => (
          <PersonCard key={leader.id} person={leader} withBio />
        ))}
      </div>
    </OrganisationFrame>
  )
}

/** "Danh bạ": contact officials first, then everyone; a form narrows it (accent-insensitive, no script). */
export function DirectoryPage({ context, query, people, units }: { context: PageContext; query: string; people: PublicPerson[]; units: PublicUnit[] }) {
  const searching = query.length > 0
  return (
    <OrganisationFrame context={context} title="Danh bạ" path={DIRECTORY_PATH} crumbs={[INTRODUCTION, { label: 'Danh bạ' }]} description="Danh bạ điện thoại, thư điện tử của lãnh đạo, cán bộ đầu mối và các đơn vị.">
      <form className="directory-search" action={DIRECTORY_PATH} method="get" role="search" aria-label="Tìm trong danh bạ">
        <label htmlFor="tim-danh-ba">Tìm theo họ tên, chức vụ, đơn vị, số điện thoại hoặc thư điện tử</label>
        <div className="directory-search-row">
          <input id="tim-danh-ba" type="search" name="q" defaultValue={query} maxLength={200} autoComplete="off" />
          <button type="submit">Tìm</button>
        </div>
      </form>
      <p className="directory-count" role="status">
        {searching ? `Tìm thấy ${people.length} người và ${units.length} đơn vị cho “${query}”.` : `${people.length} người, ${units.length} đơn vị.`}
        {searching ? (
          <>
            {' '}
            <a href={DIRECTORY_PATH}>Xem toàn bộ danh bạ</a>
          </>
        ) : null}
      </p>
      {people.length > 0 ? (
        <section aria-labelledby="danh-ba-ca-nhan">
          <h2 id="danh-ba-ca-nhan" className="section-title">
            Lãnh đạo, cán bộ
          </h2>
          <div className="person-grid person-grid--compact">
            {people.map((person) => (
              <PersonCard key={person.id} person={person} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}
      {units.length > 0 ? (
        <section aria-labelledby="danh-ba-don-vi">
          <h2 id="danh-ba-don-vi" className="section-title">
            Đơn vị
          </h2>
          <ul className="plain-list unit-contacts">
            {units.map((unit) => (
              <li key={unit.id} data-unit={unit.id}>
                <h3 className="person-name">
                  <a href={unitPath(unit.slug)}>{unit.name}</a>
                </h3>
                <UnitContacts unit={unit} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </OrganisationFrame>
  )
}

/** "Người phát ngôn" (Decree 09/2017/NĐ-CP): name, title and contacts of the spokesperson. */
export function SpokespersonPage({ context, spokespeople }: { context: PageContext; spokespeople: PublicPerson[] }) {
  return (
    <OrganisationFrame context={context} title="Người phát ngôn" path={SPOKESPERSON_PATH} crumbs={[INTRODUCTION, { label: 'Người phát ngôn' }]}>
      <p>Người phát ngôn và cung cấp thông tin cho báo chí theo Nghị định số 09/2017/NĐ-CP của Chính phủ.</p>
      {spokespeople.length === 0 ? <p>Chưa công bố người phát ngôn.</p> : null}
      <div className="person-grid">
        {spokespeople.map((person) => (
          <PersonCard key={person.id} person={person} />
        ))}
      </div>
    </OrganisationFrame>
  )
}
