import React from 'react'

import type { ArticleSummary, Page, PublicImage } from '../readModel/records.ts'
import type { PageContext } from './context.ts'

import { ArticleList } from './components/ArticleCard.tsx'
import { Breadcrumb, type Crumb } from './components/Breadcrumb.tsx'
import { Pagination } from './components/Pagination.tsx'
import { Picture } from './components/Picture.tsx'
import { Sidebar } from './components/Sidebar.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'
import { pagePath } from '../paths.ts'

export type ListingPageProps = {
  context: PageContext
  /** The address of the first page of the listing. */
  basePath: string
  heading: string
  description?: string
  crumbs: Crumb[]
  articles: Page<ArticleSummary>
  activeCategory?: number | string
  feed?: { title: string; href: string }
  /** An author's photo and details above the list. */
  profile?: { photo?: PublicImage | null; lines: string[] }
}

/** A category, tag or author: a heading and a paginated list of articles. */
export function ListingPage({ context, basePath, heading, description, crumbs, articles, activeCategory, feed, profile }: ListingPageProps) {
  const title = articles.page > 1 ? `${heading} - Trang ${articles.page}` : heading
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      activeCategory={activeCategory}
      meta={{
        title,
        description: description ?? `${heading}: tin bài của ${context.site.agency}`,
        canonical: absolute(context, pagePath(basePath, articles.page)),
        feeds: feed ? [feed] : undefined,
      }}
    >
      <Breadcrumb crumbs={crumbs} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">{heading}</h1>
          {profile ? (
            <div className="profile">
              <Picture media={profile.photo} size="thumbnail" sizes="120px" alt="" />
              <div>
                {profile.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
            </div>
          ) : null}
          {feed ? (
            <p className="feed-link">
              <a href={feed.href}>Nhận tin qua RSS</a>
            </p>
          ) : null}
          <ArticleList articles={articles.docs} headingLevel="h2" />
          <Pagination path={basePath} page={articles.page} totalPages={articles.totalPages} />
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
