import React from 'react'

import type { Category, Video } from '../../payload-types.ts'
import type { ArticleSummary } from '../readModel/records.ts'
import type { PageContext } from './context.ts'

import { categoryPath, VIDEOS_PATH, videoPath } from '../paths.ts'
import { ArticleCard } from './components/ArticleCard.tsx'
import { Picture } from './components/Picture.tsx'
import { Sidebar } from './components/Sidebar.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

export type HomePageProps = {
  context: PageContext
  featured: readonly ArticleSummary[]
  latest: readonly ArticleSummary[]
  byCategory: { category: Category; articles: readonly ArticleSummary[] }[]
  videos: Video[]
}

export function HomePage({ context, featured, latest, byCategory, videos }: HomePageProps) {
  const { site } = context
  const [lead, ...moreFeatured] = featured.length > 0 ? featured : latest.slice(0, 1)
  const topBanners = context.sidebar.banners.filter((banner) => banner.placement === 'homeTop')
  return (
    <Layout
      site={site}
      navigation={context.navigation}
      meta={{ title: site.name, description: `Tin tức, sự kiện, thông báo của ${site.agency}`, canonical: absolute(context, '/') }}
    >
      <h1 className="visually-hidden">{site.name}</h1>
      {topBanners.map((banner) => (
        <div className="banner banner--top" key={banner.id}>
          <a href={banner.link ?? '/'}>
            <Picture media={banner.image} size="full" sizes="100vw" alt={banner.title} />
          </a>
        </div>
      ))}
      <div className="with-sidebar">
        <div className="main-column">
          {lead ? (
            <section aria-labelledby="tin-noi-bat" className="featured">
              <h2 id="tin-noi-bat" className="section-title">
                Tin nổi bật
              </h2>
              <ul className="featured-list">
                <ArticleCard article={lead} large />
                {moreFeatured.map((article) => (
                  <ArticleCard key={article.id} article={article} showLead={false} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="tin-moi">
            <h2 id="tin-moi" className="section-title">
              Tin mới
            </h2>
            <ul className="article-list">
              {latest.map((article) => (
                <ArticleCard key={article.id} article={article} />
              ))}
            </ul>
          </section>
          {byCategory
            .filter(({ articles }) => articles.length > 0)
            .map(({ category, articles }) => (
              <section key={category.id} aria-labelledby={`cm-${category.slug}`}>
                <h2 id={`cm-${category.slug}`} className="section-title">
                  <a href={categoryPath(category.slug)}>{category.title}</a>
                </h2>
                <ul className="article-list article-list--compact">
                  {articles.map((article) => (
                    <ArticleCard key={article.id} article={article} showLead={false} />
                  ))}
                </ul>
              </section>
            ))}
          {videos.length > 0 ? (
            <section aria-labelledby="tin-video">
              <h2 id="tin-video" className="section-title">
                <a href={VIDEOS_PATH}>Tin video</a>
              </h2>
              <ul className="video-list">
                {videos.map((video) => (
                  <li key={video.id}>
                    <a href={videoPath(video.slug)}>
                      <Picture media={typeof video.poster === 'object' ? video.poster : undefined} size="card" sizes="(min-width: 720px) 240px, 50vw" alt="" />
                      <span className="video-title">{video.title}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
