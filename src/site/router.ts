import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { Router } from 'express'
import React from 'react'

import type { Site } from '../payload-types.ts'
import type { SiteDirectory } from './siteDirectory.ts'

import { HttpError, notFound } from './httpError.ts'
import { findArticleBySlug, findLatestArticles } from './queries.ts'
import { sendPage } from './render.ts'
import { richTextToHtml } from './richText.ts'
import { ArticlePage } from './views/ArticlePage.tsx'
import { HomePage } from './views/HomePage.tsx'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

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

/** The public pages. Each route parses its input, calls a named query and renders a view. */
export function publicRouter(payload: Payload): Router {
  const router = Router()

  router.get('/', async (_req, res) => {
    const site = res.locals.site!
    const articles = await findLatestArticles(payload, site)
    sendPage(res, React.createElement(HomePage, { site, articles }))
  })

  router.get('/bai-viet/:slug', async (req, res) => {
    const site = res.locals.site!
    const slug = String(req.params.slug)
    if (!SLUG.test(slug)) throw notFound()
    const article = await findArticleBySlug(payload, site, slug)
    if (!article) throw notFound()
    sendPage(res, React.createElement(ArticlePage, { site, article, bodyHtml: richTextToHtml(article.body) }))
  })

  return router
}
