import type { Express } from 'express'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import type { PageCacheModule } from '../site/cache/pageCache.ts'
import type { SiteDirectory } from '../site/siteDirectory.ts'

type FrontDoorDependencies = {
  app: Express
  cache: Pick<PageCacheModule, 'hit'>
  sites: Pick<SiteDirectory, 'loadedSiteFor'>
  /** Counts the page view of a request answered here (visit statistics). */
  countPage: (req: IncomingMessage, site: number | string) => void
}

/**
 * The server's request listener: a fresh page of the page cache, asked for without a query string
 * or a session cookie, is written from its prepared bytes and headers before Express sees the
 * request; everything else goes to the app. Express's middleware (security headers, the admin's
 * prefix check, static folders) costs more than the hit itself: measured, a hit inside Express ran
 * at 0.2 × a bare Node server and here at 0.8 ×. The stored headers are those the page was
 * rendered with, security headers included.
 */
export function frontDoor({ app, cache, sites, countPage }: FrontDoorDependencies): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const site = sites.loadedSiteFor(req.headers.host, req.socket.localPort)
    if (site && cache.hit(req, res, site.id)) return countPage(req, site.id)
    app(req, res)
  }
}
