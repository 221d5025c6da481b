import React from 'react'

import type { Article, Site } from '../../payload-types.ts'

import { formatDateHeader, formatDateTime, formatNumber } from '../../lib/dates.ts'
import { Layout } from './Layout.tsx'

type ArticlePageProps = { site: Site; article: Article; bodyHtml: string }

export function ArticlePage({ site, article, bodyHtml }: ArticlePageProps) {
  return (
    <Layout site={site} title={article.title} description={article.lead ?? undefined}>
      <article className="article">
        {article.publishedAt ? <p className="date-header">{formatDateHeader(article.publishedAt)}</p> : null}
        <h1>{article.title}</h1>
        <p className="meta">
          {article.publishedAt ? <span>Ngày đăng: {formatDateTime(article.publishedAt)}</span> : null}
          <span>Lượt xem: {formatNumber(article.views ?? 0)}</span>
        </p>
        {article.lead ? <p className="lead">{article.lead}</p> : null}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {article.byline ? <p className="byline">{article.byline}</p> : null}
        {article.source ? <p className="source">Nguồn: {article.source}</p> : null}
        <p>
          <a href="/">Quay trở lại</a>
        </p>
      </article>
    </Layout>
  )
}
