import type { NextFunction, Request, Response } from 'express'

import { Router } from 'express'
import React from 'react'

import type { Site } from '../payload-types.ts'
import type { SiteDirectory } from './siteDirectory.ts'

import { searchArticles } from '../search/searchArticles.ts'
import { articleViewCount } from '../stats/http.ts'
import { renderRss } from './feeds/rss.ts'
import { renderRobots, renderSitemap } from './feeds/sitemap.ts'
import { HttpError, notFound } from './httpError.ts'
import { categoryFeedPath, categoryPath, SITE_FEED_PATH } from './paths.ts'
import {
  findArticleBySlug,
  findArticles,
  findFeaturedArticles,
  findLatestByCategory,
  findNewestArticles,
  findRelatedArticles,
  findSitemapEntries,
  inCategoryTree,
} from './queries/articles.ts'
import { findCaptions, findNoticeBySlug, findNotices, findVideoBySlug, findVideos } from './queries/content.ts'
import { findAuthorBySlug, findCategories, findTagBySlug } from './queries/taxonomy.ts'
import {
  ensurePageExists,
  originOf,
  pageContext,
  pageParam,
  renderPage,
  searchParam,
  sendXml,
  type SiteServices,
  siteOf,
  slugParam,
  staffOfSite,
} from './requestHelpers.ts'
import { richTextToHtml } from './richText.tsx'
import { ArticlePage } from './views/ArticlePage.tsx'
import { HomePage } from './views/HomePage.tsx'
import { ListingPage } from './views/ListingPage.tsx'
import { NoticePage, NoticesPage } from './views/NoticePages.tsx'
import { PhotoLibraryPage } from './views/PhotoLibraryPage.tsx'
import { SearchPage } from './views/SearchPage.tsx'
import { VideoPage, VideosPage } from './views/VideoPages.tsx'

const LISTING_SIZE = 12

declare module 'express-serve-static-core' {
  interface Locals {
    site?: Site
  }
}

/** Finds the site of the request's Host, or answers 404 for a host this installation does not serve. */
export function resolveSite(directory: SiteDirectory) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const site = await directory.siteFor(req.headers.host)
      if (!site) throw new HttpError(404, 'Không tìm thấy trang', 'Tên miền này chưa được cấu hình trên hệ thống.')
      res.locals.site = site
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** The public pages. Each route parses its input, calls named queries and renders a pure view. */
export function publicRouter(services: SiteServices): Router {
  const { payload } = services
  const router = Router()

  router.get('/', async (req, res) => {
    const context = await pageContext(services, req, res)
    const [featured, latest, byCategory, videos] = await Promise.all([
      findFeaturedArticles(payload, context.site),
      findNewestArticles(payload, context.site, undefined, 8),
      findLatestByCategory(payload, context.site, context.navigation),
      findVideos(payload, context.site),
    ])
    renderPage(services, req, res, React.createElement(HomePage, { context, featured, latest, byCategory, videos }))
  })

  const articleRoute = (print: boolean) => async (req: Request, res: Response) => {
    const site = siteOf(res)
    const slug = slugParam(req)
    const staff = await staffOfSite(payload, req, site)
    const article = await findArticleBySlug(payload, site, slug, staff ? { user: staff } : undefined)
    if (!article) throw notFound()
    const [context, related, views] = await Promise.all([
      pageContext(services, req, res),
      print ? [] : findRelatedArticles(payload, site, article),
      articleViewCount(payload, article),
    ])
    const preview = article._status !== 'published' || Boolean(article.publishedAt && article.publishedAt > new Date().toISOString())
    const bodyHtml = richTextToHtml(article.body, article.footnotes?.length ?? 0)
    renderPage(services, req, res, React.createElement(ArticlePage, { context, article: { ...article, views }, bodyHtml, related, preview, print }))
  }
  router.get('/bai-viet/:slug', articleRoute(false))
  router.get('/bai-viet/:slug/ban-in', articleRoute(true))

  router.get('/chuyen-muc/:slug', async (req, res) => {
    const site = siteOf(res)
    const page = pageParam(req)
    const context = await pageContext(services, req, res)
    const categories = context.navigation
    const category = categories.find((candidate) => candidate.slug === slugParam(req))
    if (!category) throw notFound()
    const articles = await findArticles(payload, site, inCategoryTree(category, categories), page, LISTING_SIZE)
    ensurePageExists(page, articles.totalPages)
    const parent = categories.find((candidate) => candidate.id === (typeof category.parent === 'object' ? category.parent?.id : category.parent))
    renderPage(
      services,
      req,
      res,
      React.createElement(ListingPage, {
        context,
        basePath: categoryPath(category.slug),
        heading: category.title,
        crumbs: [...(parent ? [{ label: parent.title, href: categoryPath(parent.slug) }] : []), { label: category.title }],
        articles,
        activeCategory: parent?.id ?? category.id,
        feed: { title: `${category.title} - ${site.name}`, href: categoryFeedPath(category.slug) },
      }),
    )
  })

  router.get('/tu-khoa/:slug', async (req, res) => {
    const site = siteOf(res)
    const page = pageParam(req)
    const tag = await findTagBySlug(payload, site, slugParam(req))
    if (!tag) throw notFound()
    const [context, articles] = await Promise.all([pageContext(services, req, res), findArticles(payload, site, { tags: { in: [tag.id] } }, page, LISTING_SIZE)])
    ensurePageExists(page, articles.totalPages)
    renderPage(services, req, res, React.createElement(ListingPage, { context, basePath: `/tu-khoa/${tag.slug}`, heading: `Từ khóa: ${tag.title}`, crumbs: [{ label: tag.title }], articles }))
  })

  router.get('/tac-gia/:slug', async (req, res) => {
    const site = siteOf(res)
    const page = pageParam(req)
    const author = await findAuthorBySlug(payload, site, slugParam(req))
    if (!author) throw notFound()
    const [context, articles] = await Promise.all([pageContext(services, req, res), findArticles(payload, site, { authors: { in: [author.id] } }, page, LISTING_SIZE)])
    ensurePageExists(page, articles.totalPages)
    const lines = [[author.position, author.unit].filter(Boolean).join(', '), author.bio ?? ''].filter(Boolean)
    renderPage(
      services,
      req,
      res,
      React.createElement(ListingPage, {
        context,
        basePath: `/tac-gia/${author.slug}`,
        heading: `Tác giả: ${author.name}`,
        description: lines.join(' '),
        crumbs: [{ label: 'Tác giả' }, { label: author.name }],
        articles,
        profile: { photo: author.photo, lines },
      }),
    )
  })

  router.get('/tim-kiem', async (req, res) => {
    const page = pageParam(req)
    const query = searchParam(req)
    const [context, results] = await Promise.all([pageContext(services, req, res), searchArticles(payload, siteOf(res), query, page)])
    ensurePageExists(page, results.totalPages)
    renderPage(services, req, res, React.createElement(SearchPage, { context, query: query.text, words: query.words, results }))
  })

  router.get('/thu-vien-anh', async (req, res) => {
    const site = siteOf(res)
    const page = pageParam(req)
    const query = searchParam(req)
    const [context, captions] = await Promise.all([pageContext(services, req, res), findCaptions(payload, site, query.words, page)])
    ensurePageExists(page, captions.totalPages)
    const articleIds = [...new Set(captions.docs.flatMap((entry) => (entry.articles ?? []).map((item) => (typeof item === 'object' ? item.id : item))))]
    const linked = articleIds.length > 0 ? await findArticles(payload, site, { id: { in: articleIds } }, 1, articleIds.length) : { docs: [] }
    const articleSlugs = new Map(linked.docs.map((article) => [article.id as number | string, { slug: article.slug, title: article.title }]))
    renderPage(services, req, res, React.createElement(PhotoLibraryPage, { context, query: query.text, words: query.words, captions, articleSlugs }))
  })

  router.get('/thong-bao', async (req, res) => {
    const [context, notices] = await Promise.all([pageContext(services, req, res), findNotices(payload, siteOf(res), 50)])
    renderPage(services, req, res, React.createElement(NoticesPage, { context, notices }))
  })

  router.get('/thong-bao/:slug', async (req, res) => {
    const notice = await findNoticeBySlug(payload, siteOf(res), slugParam(req))
    if (!notice) throw notFound()
    renderPage(services, req, res, React.createElement(NoticePage, { context: await pageContext(services, req, res), notice }))
  })

  router.get('/video', async (req, res) => {
    const [context, videos] = await Promise.all([pageContext(services, req, res), findVideos(payload, siteOf(res), 24)])
    renderPage(services, req, res, React.createElement(VideosPage, { context, videos }))
  })

  router.get('/video/:slug', async (req, res) => {
    const video = await findVideoBySlug(payload, siteOf(res), slugParam(req))
    if (!video) throw notFound()
    renderPage(services, req, res, React.createElement(VideoPage, { context: await pageContext(services, req, res), video }))
  })

  router.get(SITE_FEED_PATH, async (req, res) => {
    const site = siteOf(res)
    const articles = await findArticles(payload, site, undefined, 1, 30)
    const channel = { title: site.name, description: `Tin tức của ${site.agency}`, origin: originOf(req), path: '/', feedPath: SITE_FEED_PATH }
    sendXml(services, req, res, renderRss(channel, articles.docs), 'application/rss+xml')
  })

  router.get('/chuyen-muc/:slug/rss.xml', async (req, res) => {
    const site = siteOf(res)
    const categories = await findCategories(payload, site)
    const category = categories.find((candidate) => candidate.slug === slugParam(req))
    if (!category) throw notFound()
    const articles = await findArticles(payload, site, inCategoryTree(category, categories), 1, 30)
    const channel = {
      title: `${category.title} - ${site.name}`,
      description: `${category.title}: tin bài của ${site.agency}`,
      origin: originOf(req),
      path: categoryPath(category.slug),
      feedPath: categoryFeedPath(category.slug),
    }
    sendXml(services, req, res, renderRss(channel, articles.docs), 'application/rss+xml')
  })

  router.get('/sitemap.xml', async (req, res) => {
    const site = siteOf(res)
    const [categories, articles] = await Promise.all([findCategories(payload, site), findSitemapEntries(payload, site)])
    const entries = [
      { path: '/' },
      ...categories.map((category) => ({ path: categoryPath(category.slug) })),
      ...articles.map((article) => ({ path: `/bai-viet/${article.slug}`, lastModified: article.updatedAt })),
    ]
    sendXml(services, req, res, renderSitemap(originOf(req), entries))
  })

  router.get('/robots.txt', (req, res) => {
    sendXml(services, req, res, renderRobots(originOf(req)), 'text/plain')
  })

  return router
}

