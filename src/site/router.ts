import type { NextFunction, Request, Response } from 'express'

import { Router } from 'express'
import React from 'react'

import type { Site } from '../payload-types.ts'
import type { PageCache } from './cache/types.ts'
import type { ArticleSummary } from './readModel/records.ts'
import type { SiteDirectory } from './siteDirectory.ts'

import { renderRss } from './feeds/rss.ts'
import { renderNewsSitemap, renderRobots, renderSitemap, renderSitemapIndex } from './feeds/sitemap.ts'
import { HttpError, notFound } from './httpError.ts'
import { pageTags } from './cache/tags.ts'
import {
  articlePath,
  authorPath,
  categoryFeedPath,
  categoryPath,
  HOME_PATH,
  NOTICES_PATH,
  PHOTO_LIBRARY_PATH,
  ROBOTS_PATH,
  ROUTES,
  SEARCH_PATH,
  SITE_FEED_PATH,
  SITEMAP_NEWS_PATH,
  SITEMAP_PAGES_PATH,
  INTRODUCTION_PATH,
  SCHEDULE_PATH,
  STRUCTURE_PATH,
  LEADERS_PATH,
  DIRECTORY_PATH,
  SPOKESPERSON_PATH,
  DOCUMENTS_PATH,
  QUESTIONS_PATH,
  CONSULTATIONS_PATH,
  FEEDBACK_PATH,
  EN_HOME_PATH,
  EN_STRUCTURE_PATH,
  EN_LEADERS_PATH,
  EN_DIRECTORY_PATH,
  EN_SPOKESPERSON_PATH,
  SITEMAP_PATH,
  sitemapArticlesPath,
  tagPath,
  VIDEOS_PATH,
} from './paths.ts'
import { organisationRoutes } from '../organisation/routes.ts'
import { englishRoutes } from '../english/routes.ts'
import { scheduleRoutes } from '../schedule/routes.ts'
import { documentsRouter } from '../documents/routes.ts'
import { findPreviewArticle } from './preview.ts'
import { ensurePageExists, html, pageContext, pageParam, searchParam, type SiteServices, siteOf, slugParam } from './requestHelpers.ts'
import { siteOrigin } from './origin.ts'
import { ArticlePage } from './views/ArticlePage.tsx'
import { HomePage } from './views/HomePage.tsx'
import { ListingPage } from './views/ListingPage.tsx'
import { NoticePage, NoticesPage } from './views/NoticePages.tsx'
import { PhotoLibraryPage } from './views/PhotoLibraryPage.tsx'
import { SearchPage } from './views/SearchPage.tsx'
import { VideoPage, VideosPage } from './views/VideoPages.tsx'

const LISTING_SIZE = 12
/** Addresses per sitemap part (the protocol allows 50,000). */
export const SITEMAP_PART_SIZE = 10_000
const NEWS_SITEMAP_HOURS = 48

declare module 'express-serve-static-core' {
  interface Locals {
    site?: Site
  }
}

/** Finds the site of the request's Host, or answers 404 for a host this installation does not serve. */
export function resolveSite(directory: SiteDirectory) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const site = await directory.siteFor(req.headers.host, req.socket.localPort)
      if (!site) throw new HttpError(404, 'Không tìm thấy trang', 'Tên miền này chưa được cấu hình trên hệ thống.')
      res.locals.site = site
      next()
    } catch (error) {
      next(error)
    }
  }
}

const summaryTags = (articles: readonly ArticleSummary[]) => articles.map((article) => pageTags.article(article.id))

/**
 * The public pages. Each route parses its input, asks the read model (services.reader) and
 * renders a pure view; the page cache (services.cache) keeps what it renders, tagged with what
 * the page shows, and serves it until one of those things changes.
 */
export function publicRouter(services: SiteServices): Router {
  const { reader, cache } = services
  const router = Router()

  router.get(
    HOME_PATH,
    cache.page({}, async (req, res) => {
      const context = await pageContext(services, req, res)
      const site = context.site
      const topLevel = context.navigation.filter((category) => !category.parent)
      const [featured, latest, byCategory] = await Promise.all([
        reader.newest(site, 'featured', 5),
        reader.newest(site, undefined, 8),
        Promise.all(topLevel.map(async (category) => ({ category, articles: await reader.newest(site, `category:${category.id}`, 4) }))),
      ])
      const shown = [...featured, ...latest, ...byCategory.flatMap((box) => box.articles)]
      return html(
        React.createElement(HomePage, { context, featured, latest, byCategory, videos: context.videos }),
        [pageTags.newest, pageTags.featured, ...topLevel.map((category) => pageTags.category(category.id)), ...summaryTags(shown)],
      )
    }),
  )

  const articleRoute = (print: boolean) =>
    cache.page({}, async (req, res, viewer) => {
      const site = siteOf(res)
      const slug = slugParam(req)
      const preview = viewer.staff ? await findPreviewArticle(services.payload, site, slug, viewer.staff) : undefined
      const article = preview ?? (await reader.article(site, slug))
      if (!article) throw notFound()
      const [context, related, views] = await Promise.all([
        pageContext(services, req, res),
        print ? [] : reader.related(site, article),
        services.articleViews(article),
      ])
      const isPreview = Boolean(preview?.preview)
      return html(React.createElement(ArticlePage, { context, article: { ...article, views }, related, preview: isPreview, print }), [
        pageTags.article(article.id),
        ...summaryTags(related),
      ])
    })
  router.get(ROUTES.article, articleRoute(false))
  router.get(ROUTES.articlePrint, articleRoute(true))

  // "Lượt xem" is filled in from here on pages served from the cache (src/site/public/reader.js).
  router.get(ROUTES.articleViews, async (req, res) => {
    const article = await reader.article(siteOf(res), slugParam(req))
    if (!article) throw notFound()
    res.set('Cache-Control', 'public, max-age=10')
    res.json({ views: await services.articleViews(article) })
  })

  router.get(
    ROUTES.category,
    cache.page({ params: ['trang'] }, async (req, res) => {
      const page = pageParam(req)
      const context = await pageContext(services, req, res)
      const categories = context.navigation
      const category = categories.find((candidate) => candidate.slug === slugParam(req))
      if (!category) throw notFound()
      const articles = await reader.articles(context.site, `category:${category.id}`, page, LISTING_SIZE)
      ensurePageExists(page, articles.totalPages)
      const parentId = typeof category.parent === 'object' ? category.parent?.id : category.parent
      const parent = categories.find((candidate) => candidate.id === parentId)
      return html(
        React.createElement(ListingPage, {
          context,
          basePath: categoryPath(category.slug),
          heading: category.title,
          crumbs: [...(parent ? [{ label: parent.title, href: categoryPath(parent.slug) }] : []), { label: category.title }],
          articles,
          activeCategory: parent?.id ?? category.id,
          feed: { title: `${category.title} - ${context.site.name}`, href: categoryFeedPath(category.slug) },
        }),
        [pageTags.category(category.id), ...summaryTags(articles.docs)],
      )
    }),
  )

  router.get(
    ROUTES.tag,
    cache.page({ params: ['trang'] }, async (req, res) => {
      const site = siteOf(res)
      const page = pageParam(req)
      const tag = await reader.tag(site, slugParam(req))
      if (!tag) throw notFound()
      const [context, articles] = await Promise.all([pageContext(services, req, res), reader.articles(site, `tag:${tag.id}`, page, LISTING_SIZE)])
      ensurePageExists(page, articles.totalPages)
      return html(
        React.createElement(ListingPage, { context, basePath: tagPath(tag.slug), heading: `Từ khóa: ${tag.title}`, crumbs: [{ label: tag.title }], articles }),
        [pageTags.tag(tag.id), ...summaryTags(articles.docs)],
      )
    }),
  )

  router.get(
    ROUTES.author,
    cache.page({ params: ['trang'] }, async (req, res) => {
      const site = siteOf(res)
      const page = pageParam(req)
      const author = await reader.author(site, slugParam(req))
      if (!author) throw notFound()
      const [context, articles] = await Promise.all([pageContext(services, req, res), reader.articles(site, `author:${author.id}`, page, LISTING_SIZE)])
      ensurePageExists(page, articles.totalPages)
      const lines = [[author.position, author.unit].filter(Boolean).join(', '), author.bio ?? ''].filter(Boolean)
      return html(
        React.createElement(ListingPage, {
          context,
          basePath: authorPath(author.slug),
          heading: `Tác giả: ${author.name}`,
          description: lines.join(' '),
          crumbs: [{ label: 'Tác giả' }, { label: author.name }],
          articles,
          profile: { photo: author.photo, lines },
        }),
        [pageTags.author(author.id), ...summaryTags(articles.docs)],
      )
    }),
  )

  router.get(
    SEARCH_PATH,
    cache.page({ params: ['q', 'trang'] }, async (req, res) => {
      const page = pageParam(req)
      const query = searchParam(req)
      const [context, results] = await Promise.all([pageContext(services, req, res), reader.search(siteOf(res), query.words, page)])
      ensurePageExists(page, results.totalPages)
      return html(React.createElement(SearchPage, { context, query: query.text, words: query.words, results }), [pageTags.search])
    }),
  )

  router.get(
    PHOTO_LIBRARY_PATH,
    cache.page({ params: ['q', 'trang'] }, async (req, res) => {
      const site = siteOf(res)
      const page = pageParam(req)
      const query = searchParam(req)
      const [context, captions] = await Promise.all([pageContext(services, req, res), reader.captions(site, query.words, page, 24)])
      ensurePageExists(page, captions.totalPages)
      const linked = await reader.articlesById(site, [...new Set(captions.docs.flatMap((entry) => entry.articles))])
      const articleSlugs = new Map(linked.map((article) => [String(article.id), { slug: article.slug, title: article.title }]))
      return html(React.createElement(PhotoLibraryPage, { context, query: query.text, words: query.words, captions, articleSlugs }), [pageTags.photos])
    }),
  )

  router.get(
    NOTICES_PATH,
    cache.page({}, async (req, res) => {
      const context = await pageContext(services, req, res)
      return html(React.createElement(NoticesPage, { context, notices: context.sidebar.notices }), [pageTags.notices])
    }),
  )

  router.get(
    ROUTES.notice,
    cache.page({}, async (req, res) => {
      const context = await pageContext(services, req, res)
      const notice = context.sidebar.notices.find((candidate) => candidate.slug === slugParam(req))
      if (!notice) throw notFound()
      return html(React.createElement(NoticePage, { context, notice }), [pageTags.notices])
    }),
  )

  router.get(
    VIDEOS_PATH,
    cache.page({}, async (req, res) => {
      const context = await pageContext(services, req, res)
      return html(React.createElement(VideosPage, { context, videos: context.videos }), [pageTags.videos])
    }),
  )

  router.get(
    ROUTES.video,
    cache.page({}, async (req, res) => {
      const context = await pageContext(services, req, res)
      const video = context.videos.find((candidate) => candidate.slug === slugParam(req))
      if (!video) throw notFound()
      return html(React.createElement(VideoPage, { context, video }), [pageTags.videos])
    }),
  )

  router.get(
    SITE_FEED_PATH,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const articles = await reader.newest(site, undefined, 30)
      const channel = { title: site.name, description: `Tin tức của ${site.agency}`, origin: siteOrigin(site), path: HOME_PATH, feedPath: SITE_FEED_PATH }
      return { type: 'application/rss+xml', body: renderRss(channel, articles), tags: [pageTags.newest, ...summaryTags(articles)] }
    }),
  )

  router.get(
    ROUTES.categoryFeed,
    cache.page({}, async (req, res) => {
      const site = siteOf(res)
      const { categories } = await services.chrome.load(site)
      const category = categories.find((candidate) => candidate.slug === slugParam(req))
      if (!category) throw notFound()
      const articles = await reader.newest(site, `category:${category.id}`, 30)
      const channel = {
        title: `${category.title} - ${site.name}`,
        description: `${category.title}: tin bài của ${site.agency}`,
        origin: siteOrigin(site),
        path: categoryPath(category.slug),
        feedPath: categoryFeedPath(category.slug),
      }
      return { type: 'application/rss+xml', body: renderRss(channel, articles), tags: [pageTags.category(category.id), ...summaryTags(articles)] }
    }),
  )

  router.get(
    SITEMAP_PATH,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const parts = Math.ceil((await reader.articleCount(site)) / SITEMAP_PART_SIZE)
      const entries = [SITEMAP_PAGES_PATH, SITEMAP_NEWS_PATH, ...Array.from({ length: parts }, (_, index) => sitemapArticlesPath(index + 1))].map((path) => ({ path }))
      return { type: 'application/xml', body: renderSitemapIndex(siteOrigin(site), entries), tags: [pageTags.sitemap] }
    }),
  )

  router.get(
    SITEMAP_PAGES_PATH,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const { categories } = await services.chrome.load(site)
      const entries = [
        HOME_PATH,
        ...categories.map((category) => categoryPath(category.slug)),
        ...[NOTICES_PATH, VIDEOS_PATH, PHOTO_LIBRARY_PATH],
        ...[INTRODUCTION_PATH, STRUCTURE_PATH, LEADERS_PATH, DIRECTORY_PATH, SPOKESPERSON_PATH, SCHEDULE_PATH],
        ...[DOCUMENTS_PATH, QUESTIONS_PATH, CONSULTATIONS_PATH, FEEDBACK_PATH],
        ...[EN_HOME_PATH, EN_STRUCTURE_PATH, EN_LEADERS_PATH, EN_DIRECTORY_PATH, EN_SPOKESPERSON_PATH],
      ].map((path) => ({ path }))
      return { type: 'application/xml', body: renderSitemap(siteOrigin(site), entries), tags: [pageTags.sitemap] }
    }),
  )

  router.get(
    ROUTES.sitemapArticles,
    cache.page({}, async (req, res) => {
      const site = siteOf(res)
      const part = Number(req.params.part)
      if (!/^[1-9]\d{0,4}$/.test(String(req.params.part))) throw notFound()
      const slugs = await reader.articleSlugs(site, (part - 1) * SITEMAP_PART_SIZE, SITEMAP_PART_SIZE)
      if (slugs.length === 0) throw notFound()
      const entries = slugs.map((entry) => ({ path: articlePath(entry.slug), lastModified: entry.updatedAt }))
      return { type: 'application/xml', body: renderSitemap(siteOrigin(site), entries), tags: [pageTags.sitemap] }
    }),
  )

  router.get(
    SITEMAP_NEWS_PATH,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const since = new Date(Date.now() - NEWS_SITEMAP_HOURS * 3600_000).toISOString()
      const recent = (await reader.newest(site, undefined, 1000)).filter((article) => article.publishedAt >= since)
      const entries = recent.map((article) => ({ path: articlePath(article.slug), title: article.title, publishedAt: article.publishedAt }))
      return { type: 'application/xml', body: renderNewsSitemap(siteOrigin(site), site.name, entries), tags: [pageTags.sitemap] }
    }),
  )

  router.use(organisationRoutes(services))
  router.use(englishRoutes(services))
  router.use(scheduleRoutes(services))
  router.use(documentsRouter(services))

  router.get(
    ROBOTS_PATH,
    cache.page({}, async (_req, res) => ({ type: 'text/plain', body: renderRobots(siteOrigin(siteOf(res))), tags: [] })),
  )

  return router
}

export type { PageCache }
