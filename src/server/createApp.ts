import type { Express } from 'express'
import type { Payload } from 'payload'

import express from 'express'
import path from 'node:path'

import type { NextRequestHandler } from './nextRoutes.ts'

import { env } from '../config/env.ts'
import { altchaAssets, pollRoutes } from '../polls/routes.ts'
import { createPollService } from '../polls/service.ts'
import { contentEvents } from '../site/contentEvents.ts'
import type { SidebarWidget } from '../site/sidebar.ts'

import { createPageCache, type PageCacheModule } from '../site/cache/pageCache.ts'
import { createSiteReader } from '../site/readModel/reader.ts'
import { readStoreOf } from '../site/readModel/store.ts'
import { staffOfSite } from '../site/staff.ts'
import { publicRouter, resolveSite } from '../site/router.ts'
import { createSiteChrome } from '../site/siteChrome.ts'
import { createSiteDirectory } from '../site/siteDirectory.ts'
import { articleViewCount, visitCounting, visitStatsRouter, visitStatsWidget } from '../stats/http.ts'
import { weatherWidget } from '../weather/widget.ts'
import { pollSidebarWidget } from '../polls/widget.ts'
import { compressedAssets } from './compressedAssets.ts'
import { errorPages, pageNotFound } from './errorPages.ts'
import { healthCheck } from './healthCheck.ts'
import { nextRoutes } from './nextRoutes.ts'
import { securityHeaders } from './securityHeaders.ts'

export type AppDependencies = {
  payload: Payload
  /** Next.js's request handler, which serves Payload's admin, REST and GraphQL. */
  handleNext: NextRequestHandler
  /** Boxes of the right-hand column (polls, weather, statistics), in display order. */
  sidebarWidgets?: SidebarWidget[]
  pageCache?: PageCacheModule
}

/** The boxes of the right-hand column, in display order. */
export const defaultSidebarWidgets: SidebarWidget[] = [pollSidebarWidget, weatherWidget, visitStatsWidget]

/** Builds the portal's Express app without listening, so tests can drive it with supertest. */
export function createApp({
  payload,
  handleNext,
  sidebarWidgets = defaultSidebarWidgets,
  pageCache,
}: AppDependencies): Express {
  const app = express()
  app.disable('x-powered-by')
  // Pages carry their own validators (src/site/cache); a reverse proxy on this machine may set X-Forwarded-*.
  app.set('etag', false)
  app.set('trust proxy', 'loopback')
  const sites = createSiteDirectory(payload)
  contentEvents.on('sitesChanged', sites.invalidate)
  const chrome = createSiteChrome(payload)
  const cache =
    pageCache ??
    createPageCache({
      maxBytes: env().pageCacheBytes,
      authenticate: (req, site) => staffOfSite(payload, req, site),
      onError: (error, key) => payload.logger.error({ err: error, msg: `page cache: rendering ${key} failed` }),
    })
  contentEvents.on('pagesChanged', (change) => {
    cache.purge(change)
    // A purge of the whole site (no tags) is a change to its chrome.
    if (!change.tags) chrome.purgeSite(change.site)
  })
  const services = {
    payload,
    reader: createSiteReader(readStoreOf(payload)),
    cache,
    chrome,
    sidebarWidgets,
    articleViews: (article: { id: number | string; importedViews?: number }) => articleViewCount(payload, { id: article.id, views: article.importedViews }),
  }

  app.use(securityHeaders)
  app.get('/healthz', healthCheck(payload))
  app.use(nextRoutes(handleNext))
  app.use('/assets/altcha', altchaAssets())
  app.use('/assets', compressedAssets(path.resolve('src/site/public')), express.static(path.resolve('src/site/public'), { maxAge: '1d' }))
  // Uploaded images are public (media read access is `anyone`), so serve them without a database hit.
  app.use('/media', express.static(env().mediaDir, { maxAge: '30d', immutable: true, index: false, dotfiles: 'ignore' }))
  app.use(resolveSite(sites))
  // Counted in front of the page cache, so cached pages count too (src/stats).
  app.use(visitCounting(payload))
  app.use(visitStatsRouter(payload))
  app.use(pollRoutes(services, createPollService(payload)))
  app.use(publicRouter(services))
  app.use(pageNotFound)
  app.use(errorPages(payload))
  return app
}
