import React from 'react'

import type { Site } from '../../payload-types.ts'
import type { ArticleSummary } from '../queries.ts'

import { formatDateTime } from '../../lib/dates.ts'
import { Layout } from './Layout.tsx'
import { mediaUrl } from './media.ts'

type HomePageProps = { site: Site; articles: ArticleSummary[] }

export function HomePage({ site, articles }: HomePageProps) {
  return (
    <Layout site={site} title={site.name} description={`Tin tức, sự kiện của ${site.agency}`}>
      <h1 className="visually-hidden">{site.name}</h1>
      <section aria-labelledby="tin-moi">
        <h2 id="tin-moi" className="section-title">
          Tin mới
        </h2>
        {articles.length === 0 ? <p>Chưa có bài viết nào.</p> : null}
        <ul className="article-list">
          {articles.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </ul>
      </section>
    </Layout>
  )
}

function ArticleCard({ article }: { article: ArticleSummary }) {
  const cover = typeof article.cover === 'object' ? article.cover : undefined
  const image = mediaUrl(cover, 'card')
  return (
    <li className="article-card">
      {image ? <img src={image} alt={cover?.alt ?? ''} width={480} height={320} loading="lazy" /> : null}
      <div>
        <h3>
          <a href={`/bai-viet/${article.slug}`}>{article.title}</a>
        </h3>
        {article.publishedAt ? <p className="meta">{formatDateTime(article.publishedAt)}</p> : null}
        {article.lead ? <p className="lead">{article.lead}</p> : null}
      </div>
    </li>
  )
}
