import type { Express } from 'express'
import type { RequestListener } from 'node:http'
import type { Payload } from 'payload'

import express from 'express'
import path from 'node:path'

import type { NextRequestHandler } from './nextRoutes.ts'

import { env } from '../config/env.ts'
import { consultationRoutes } from '../consultations/routes.ts'
import { feedbackRoutes } from '../participation/feedbackRoutes.ts'
import { MAX_ATTACHMENTS } from '../participation/attachments.ts'
import { questionRoutes } from '../participation/routes.ts'
import { createParticipationService } from '../participation/service.ts'
import { altchaAssets, pollRoutes } from '../polls/routes.ts'
import { createPollService } from '../polls/service.ts'
import { contentEvents } from '../site/contentEvents.ts'
import { createWidgetCache, type SidebarWidget } from '../site/sidebar.ts'

import { createPageCache, type PageCacheModule } from '../site/cache/pageCache.ts'
import { ASK_QUESTION_PATH, ASSETS_PATH, assetPath, MEDIA_PATH } from '../site/paths.ts'
import { createSiteReader } from '../site/readModel/reader.ts'
import { readStoreOf } from '../site/readModel/store.ts'
import { staffOfSite } from '../site/staff.ts'
import { publicRouter, resolveSite } from '../site/router.ts'
import { createSiteChrome } from '../site/siteChrome.ts'
import { createSiteDirectory } from '../site/siteDirectory.ts'
import { articleViewCount, cachedPageCounting, visitCounting, visitStatsRouter, visitStatsWidget } from '../stats/http.ts'
import { weatherWidget } from '../weather/widget.ts'
import { auditAddress } from '../ops/audit/address.ts'
import { auditFailedSignIns } from '../ops/audit/signInFailures.ts'
import { operationsEndpoints } from '../ops/observe/index.ts'
import { pollSidebarWidget } from '../polls/widget.ts'
import { bodyLimits, uploadCollectionSlugs } from './bodyLimits.ts'
import { serveMedia } from '../media/serveMedia.ts'
import { compressedAssets } from './compressedAssets.ts'
import { errorPages, pageNotFound } from './errorPages.ts'
import { favicon } from './favicon.ts'
import { frontDoor } from './frontDoor.ts'
import { healthCheck } from './healthCheck.ts'
import { nextRoutes } from './nextRoutes.ts'
import { takeTurns } from './requestTurns.ts'
import { securityHeaders } from './securityHeaders.ts'

/** Requests started per turn of the event loop: as many as fit in this much of their synchronous work (src/server/requestTurns.ts). */
const REQUEST_TURN_MS = 2

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
export function createApp(dependencies: AppDependencies): Express {
  return createPortal(dependencies).app
}

export type Portal = {
  app: Express
  /** What a server listens with: fresh cached pages answered before Express, the rest by `app`, started in short turns. */
  listener: RequestListener
}

/** The Express app and, in front of it, the page cache's fast door (src/server/frontDoor.ts). */
export function createPortal({
  payload,
  handleNext,
  sidebarWidgets = defaultSidebarWidgets,
  pageCache,
}: AppDependencies): Portal {
  const app = express()
  app.disable('x-powered-by')
  // Pages carry their own validators (src/site/cache); a reverse proxy on this machine may set X-Forwarded-*.
  app.set('etag', false)
  app.set('trust proxy', env().trustProxy)
  const sites = createSiteDirectory(payload)
  contentEvents.on('sitesChanged', sites.invalidate)
  const chrome = createSiteChrome(payload)
  const widgetCache = createWidgetCache()
  const cache =
    pageCache ??
    createPageCache({
      maxBytes: env().pageCacheBytes,
      authenticate: (req, site) => staffOfSite(payload, req, site),
      onError: (error, key) => payload.logger.error({ err: error, msg: `page cache: rendering ${key} failed` }),
    })
  contentEvents.on('pagesChanged', (change) => {
    cache.purge(change)
    // A purge of the whole site (no tags) is a change to its chrome or its boxes.
    if (!change.tags) {
      chrome.purgeSite(change.site)
      widgetCache.purgeSite(change.site)
    }
  })
  const services = {
    payload,
    reader: createSiteReader(readStoreOf(payload)),
    cache,
    chrome,
    sidebarWidgets,
    widgetCache,
    articleViews: (article: { id: number | string; importedViews?: number }) => articleViewCount(payload, { id: article.id, views: article.importedViews }),
  }

  app.use(securityHeaders({ https: env().serverUrl.startsWith('https:') }))
  app.get('/healthz', healthCheck(payload))
  // /readyz and /metrics; `observe` gives every request an id, a metric and an access line (src/ops/observe).
  const { observe } = operationsEndpoints(app, payload, cache)
  // The question form carries up to three files besides its text (src/participation/attachments.ts).
  const formUploads = { [ASK_QUESTION_PATH]: MAX_ATTACHMENTS * env().questionAttachmentMaxBytes + 1024 * 1024 }
  app.use(bodyLimits({ maxBytes: env().bodyMaxBytes, uploadMaxBytes: env().uploadMaxBytes, uploadCollections: uploadCollectionSlugs(payload), formUploads }))
  // The audit trail sees a salted hash of the address, never the address (src/ops/audit).
  app.use(auditAddress(env().payloadSecret), auditFailedSignIns(payload))
  app.use(nextRoutes(handleNext))
  app.use(assetPath('altcha'), altchaAssets())
  app.use(ASSETS_PATH, compressedAssets(path.resolve('src/site/public')), express.static(path.resolve('src/site/public'), { maxAge: '1d' }))
  app.use(MEDIA_PATH, serveMedia(env().mediaDir))
  app.use(resolveSite(sites))
  app.get('/favicon.ico', favicon)
  // Counted in front of the page cache, so cached pages count too (src/stats).
  app.use(visitCounting(payload))
  app.use(visitStatsRouter(payload))
  app.use(pollRoutes(services, createPollService(payload)))
  const participation = createParticipationService(payload)
  contentEvents.on('pagesChanged', participation.fields.purge)
  app.use(questionRoutes(services, participation))
  app.use(feedbackRoutes(services, participation))
  app.use(consultationRoutes(services, participation))
  app.use(publicRouter(services))
  app.use(pageNotFound)
  app.use(errorPages(payload))
  // Cache hits are answered at once; every other request waits its turn (src/server/requestTurns.ts).
  const takingTurns = takeTurns(app, { turnMs: REQUEST_TURN_MS, onError: (error) => payload.logger.error({ err: error, msg: 'request listener threw' }) })
  return { app, listener: observe(takingTurns, frontDoor({ cache, sites, countPage: cachedPageCounting(payload) })) }
}
