import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { ArticleSummary } from '../../readModel/records.ts'

import { formatDateTime } from '../../../lib/dates.ts'
import { articlePath } from '../../paths.ts'
import { Picture } from './Picture.tsx'

type ArticleCardProps = { article: ArticleSummary; headingLevel?: 'h2' | 'h3'; showLead?: boolean; large?: boolean }

export function ArticleCard({ article, headingLevel = 'h3', showLead = true, large = false }: ArticleCardProps) {
  return <li className={large ? 'article-card article-card--large' : 'article-card'} dangerouslySetInnerHTML={{ __html: keptCardInside(article, headingLevel, showLead, large) }} />
}

// Keyed by the summary object: listings share theirs between pages while no article changes
// (src/site/readModel/keptLists.ts), and a change brings new objects, so the old cards go with them.
const keptCards = new WeakMap<ArticleSummary, Map<string, string>>()

/**
 * The inside of a card as HTML, rendered once per summary and variant: the home page shows thirty
 * cards, and rendering them was a third of rendering the page.
 */
function keptCardInside(article: ArticleSummary, headingLevel: 'h2' | 'h3', showLead: boolean, large: boolean): string {
  let variants = keptCards.get(article)
  if (!variants) keptCards.set(article, (variants = new Map()))
  const variant = `${headingLevel} ${showLead} ${large}`
  let html = variants.get(variant)
  if (html === undefined) {
    html = renderToStaticMarkup(<CardInside article={article} headingLevel={headingLevel} showLead={showLead} large={large} />)
    variants.set(variant, html)
  }
  return html
}

function CardInside({ article, headingLevel: Heading, showLead, large }: Required<ArticleCardProps>) {
  return (
    <>
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
    </>
  )
}

export function ArticleList({ articles, headingLevel }: { articles: readonly ArticleSummary[]; headingLevel?: 'h2' | 'h3' }) {
  if (articles.length === 0) return <p>Chưa có bài viết nào.</p>
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} headingLevel={headingLevel} />
      ))}
    </ul>
  )
}
