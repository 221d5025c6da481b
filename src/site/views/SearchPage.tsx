import React from 'react'

import type { SearchResults } from '../../search/searchArticles.ts'
import type { ArticleSummary } from '../readModel/records.ts'
import type { PageContext } from './context.ts'

import { formatDateTime, formatNumber } from '../../lib/dates.ts'
import { excerptAround } from '../../search/highlight.ts'
import { articlePath, pagePath, SEARCH_PATH } from '../paths.ts'
import { Breadcrumb } from './components/Breadcrumb.tsx'
import { Highlighted } from './components/Highlighted.tsx'
import { Pagination } from './components/Pagination.tsx'
import { Picture } from './components/Picture.tsx'
import { Sidebar } from './components/Sidebar.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

type SearchPageProps = { context: PageContext; query: string; words: string[]; results: SearchResults<ArticleSummary> }

export function SearchPage({ context, query, words, results }: SearchPageProps) {
  const heading = query ? `Kết quả tìm kiếm: “${query}”` : 'Tìm kiếm'
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      searchQuery={query}
      meta={{ title: heading, canonical: absolute(context, pagePath(SEARCH_PATH, results.page, query ? { q: query } : {})), noindex: true }}
    >
      <Breadcrumb crumbs={[{ label: 'Tìm kiếm' }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">{heading}</h1>
          <form className="search-form search-form--page" action={SEARCH_PATH} method="get" role="search">
            <label htmlFor="tu-khoa">Từ khóa (có dấu hoặc không dấu)</label>
            <input id="tu-khoa" type="search" name="q" defaultValue={query} maxLength={200} />
            <button type="submit">Tìm kiếm</button>
          </form>
          {query ? (
            <p className="result-count" role="status">
              {results.totalDocs === 0
                ? 'Không tìm thấy bài viết phù hợp.'
                : `Tìm thấy ${formatNumber(results.totalDocs)}${results.capped ? '+' : ''} bài viết.`}
            </p>
          ) : null}
          <ol className="search-results" start={(results.page - 1) * 10 + 1}>
            {results.docs.map((article) => (
              <li key={article.id} className="article-card">
                <Picture media={article.cover} size="thumbnail" sizes="240px" alt="" />
                <div>
                  <h2 className="card-title">
                    <a href={articlePath(article.slug)}>
                      <Highlighted text={article.title} words={words} />
                    </a>
                  </h2>
                  {article.publishedAt ? <p className="meta">{formatDateTime(article.publishedAt)}</p> : null}
                  {article.lead ? (
                    <p className="card-lead">
                      <Highlighted text={excerptAround(article.lead, words)} words={words} />
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
          <Pagination path={SEARCH_PATH} page={results.page} totalPages={results.totalPages} query={{ q: query }} />
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
