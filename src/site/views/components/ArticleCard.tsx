import React from 'react'

import type { ArticleSummary } from '../../readModel/records.ts'

import { formatDateTime } from '../../../lib/dates.ts'
import { articlePath } from '../../paths.ts'
import { Picture } from './Picture.tsx'

type ArticleCardProps = { article: ArticleSummary; headingLevel?: 'h2' | 'h3'; showLead?: boolean; large?: boolean }

export function ArticleCard({ article, headingLevel = 'h3', showLead = true, large = false }: ArticleCardProps) {
  const Heading = headingLevel
  return (
    <li className={large ? 'article-card article-card--large' : 'article-card'}>
      <Picture media={article.cover} size={large ? 'content' : 'card'} sizes={large ? '(min-width: 720px) 60vw, 100vw' : '(min-width: 720px) 240px, 100vw'} alt="" />
      <div>
        <Heading className="card-title">
          <a href={articlePath(article.slug)}>{article.title}</a>
        </Heading>
        {article.publishedAt ? (
          <p className="meta">
            <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
          </p>
        ) : null}
        {showLead && article.lead ? <p className="card-lead">{article.lead}</p> : null}
      </div>
    </li>
  )
}

export function ArticleList({ articles, headingLevel }: { articles: ArticleSummary[]; headingLevel?: 'h2' | 'h3' }) {
  if (articles.length === 0) return <p>Chưa có bài viết nào.</p>
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} headingLevel={headingLevel} />
      ))}
    </ul>
  )
}
