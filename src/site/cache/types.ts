import type { Request, RequestHandler, Response } from 'express'

import type { User } from '../../payload-types.ts'

/**
 * The page cache's contract with the routes: a route renders a page and names what it shows;
 * the cache owns everything else (key, lookup, single flight, compression, headers, tags, purge).
 */

/** A rendered public response. Only `status: 200` pages are kept. */
export type RenderedPage = {
  status?: number
  /** Content type as Express's `res.type()` takes it: 'html', 'application/rss+xml', 'text/plain'… */
  type: string
  body: string
  /** What the page shows, from src/site/cache/tags.ts; a purge of any of them makes the page stale. */
  tags: string[]
}

/** Who is asking: a verified staff member of the site (previews, never cached), or a reader. */
export type Viewer = { staff?: User }

export type PageRender = (req: Request, res: Response, viewer: Viewer) => Promise<RenderedPage>

export type PageRouteOptions = {
  /** Query parameters that change the page; every other parameter is ignored and kept out of the key. */
  params?: readonly string[]
}

/** Pages of one site that show any of `tags` are out of date; no tags: every page of the site. */
export type PageChange = { site: string; tags?: string[] }

export type PageCache = {
  /** An Express handler serving `render`'s page from the cache (or rendering it once for everyone waiting). */
  page: (options: PageRouteOptions, render: PageRender) => RequestHandler
  purge: (change: PageChange) => void
  stats: () => { entries: number; bytes: number }
}
