import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { DocumentSummary, DocumentTerm, Page } from '../../site/readModel/records.ts'
import type { RegisterFacet } from '../../site/readModel/store.ts'
import type { PageContext } from '../../site/views/context.ts'

import { formatNumber } from '../../lib/dates.ts'
import { DOCUMENTS_FEED_PATH, DOCUMENTS_PATH, pagePath } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Pagination } from '../../site/views/components/Pagination.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { FILTER_PARAMS, VALIDITY_SLUGS } from '../filters.ts'
import { VALIDITIES, VALIDITY_LABELS } from '../validity.ts'
import { DocumentList } from './DocumentList.tsx'

type Option = { value: string; label: string; count: number }

export type RegisterPageProps = {
  context: PageContext
  terms: readonly DocumentTerm[]
  /** The filters of the address, as slugs (what the form shows selected). */
  params: Record<string, string>
  counts: Record<RegisterFacet, Map<string, number>>
  page: Page<DocumentSummary>
  /** A search by number or words, and what it found (shown instead of the filtered list). */
  search?: { query: string; results: DocumentSummary[] }
  now: Date
}

const FACET_LABELS: Record<RegisterFacet, string> = { type: 'Loại văn bản', issuer: 'Cơ quan ban hành', field: 'Lĩnh vực', year: 'Năm ban hành', validity: 'Tình trạng hiệu lực' }

function optionsOf(facet: RegisterFacet, terms: readonly DocumentTerm[], counts: Map<string, number>): Option[] {
  if (facet === 'year') return [...counts.keys()].sort().reverse().map((year) => ({ value: year, label: year, count: counts.get(year) ?? 0 }))
  if (facet === 'validity') return VALIDITIES.map((value) => ({ value: VALIDITY_SLUGS[value], label: VALIDITY_LABELS[value].vi, count: counts.get(value) ?? 0 }))
  return terms.filter((term) => term.group === facet).map((term) => ({ value: term.slug, label: term.title, count: counts.get(String(term.id)) ?? 0 }))
}

type FilterProps = Pick<RegisterPageProps, 'counts' | 'params' | 'terms'> & { query: string }

// Keyed by the counts, which are one object per filter, register version and day
// (src/site/readModel/registerCounts.ts), and by the lists of that version.
const keptForms = new WeakMap<RegisterPageProps['counts'], WeakMap<readonly DocumentTerm[], string>>()

/**
 * The filter form's fields as HTML, kept while the counts stay: every page of one filter shows the
 * same form, and rendering its sixty options was a fifth of rendering the page. A search's form
 * (the reader's own words in it) is rendered as it comes.
 */
function keptFilters(terms: readonly DocumentTerm[], params: Record<string, string>, counts: RegisterPageProps['counts']): string {
  let byTerms = keptForms.get(counts)
  if (!byTerms) keptForms.set(counts, (byTerms = new WeakMap()))
  let form = byTerms.get(terms)
  if (form === undefined) byTerms.set(terms, (form = renderFilters({ terms, params, counts, query: '' })))
  return form
}

function renderFilters(props: FilterProps): string {
  return renderToStaticMarkup(<FilterFields {...props} />)
}

function FilterFields({ terms, params, counts, query }: FilterProps) {
  const facets = Object.keys(FACET_LABELS) as RegisterFacet[]
  return (
    <>
      <p className="register-search">
        <label htmlFor="tim-van-ban">Số, ký hiệu hoặc trích yếu</label>
        <input id="tim-van-ban" type="search" name="q" defaultValue={query} maxLength={200} placeholder="Ví dụ: 278/QĐ-UBND" />
      </p>
      {facets.map((facet) => (
        <p key={facet}>
          <label htmlFor={`loc-${FILTER_PARAMS[facet]}`}>{FACET_LABELS[facet]}</label>
          <select id={`loc-${FILTER_PARAMS[facet]}`} name={FILTER_PARAMS[facet]} defaultValue={params[FILTER_PARAMS[facet]] ?? ''}>
            <option value="">Tất cả</option>
            {optionsOf(facet, terms, counts[facet]).map((option) => (
              <option key={option.value} value={option.value}>
                {`${option.label} (${formatNumber(option.count)})`}
              </option>
            ))}
          </select>
        </p>
      ))}
      <p className="register-actions">
        <button type="submit">Tra cứu</button> <a href={DOCUMENTS_PATH}>Bỏ lọc</a>
      </p>
    </>
  )
}

/** The register: filters that combine (a plain GET form, no script needed), counts per option, newest first. */
export function RegisterPage({ context, terms, params, counts, page, search, now }: RegisterPageProps) {
  const canonical = absolute(context, pagePath(DOCUMENTS_PATH, page.page, params))
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      meta={{
        title: 'Văn bản',
        description: `Văn bản chỉ đạo, điều hành của ${context.site.agency}`,
        canonical,
        feeds: [{ title: `Văn bản mới - ${context.site.name}`, href: DOCUMENTS_FEED_PATH }],
        noindex: Boolean(search),
      }}
    >
      <Breadcrumb crumbs={[{ label: 'Văn bản' }]} />
      <h1 className="page-title">Văn bản</h1>
      <form
        className="register-filters"
        action={DOCUMENTS_PATH}
        method="get"
        role="search"
        aria-label="Tra cứu văn bản"
        dangerouslySetInnerHTML={{ __html: search ? renderFilters({ terms, params, counts, query: search.query }) : keptFilters(terms, params, counts) }}
      />
      {search ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua" className="section-title">
            Kết quả tra cứu “{search.query}”
          </h2>
          <p role="status">{search.results.length === 0 ? 'Không tìm thấy văn bản phù hợp.' : `Tìm thấy ${formatNumber(search.results.length)} văn bản.`}</p>
          {search.results.length > 0 ? <DocumentList documents={search.results} now={now} /> : null}
        </section>
      ) : (
        <section aria-labelledby="danh-sach">
          <h2 id="danh-sach" className="section-title">
            Danh sách văn bản
          </h2>
          <p role="status">{page.totalDocs === 0 ? 'Không có văn bản nào theo bộ lọc này.' : `${formatNumber(page.totalDocs)} văn bản, mới ban hành trước.`}</p>
          {page.docs.length > 0 ? <DocumentList documents={page.docs} now={now} /> : null}
          <Pagination path={DOCUMENTS_PATH} page={page.page} totalPages={page.totalPages} query={params} />
        </section>
      )}
      <p className="feed-link">
        <a href={DOCUMENTS_FEED_PATH}>RSS văn bản mới</a>
      </p>
    </Layout>
  )
}
