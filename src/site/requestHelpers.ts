import type { Request, Response } from 'express'
import type { Payload } from 'payload'
import type { ReactElement } from 'react'

import { renderToStaticMarkup } from 'react-dom/server'

import type { Site } from '../payload-types.ts'
import type { PageCache, RenderedPage } from './cache/types.ts'
import type { Id } from './readModel/records.ts'
import type { SiteReader } from './readModel/reader.ts'
import type { SidebarWidget, WidgetCache } from './sidebar.ts'
import type { SiteChrome } from './siteChrome.ts'
import type { PageContext } from './views/context.ts'

import { type ParsedQuery, parseSearchQuery, SearchQueryError } from '../search/query.ts'
import { badRequest, notFound } from './httpError.ts'
import { siteOrigin } from './origin.ts'
import { loadSidebar } from './sidebar.ts'

/** What the public routes are given: the read model, the page cache, the site chrome and the boxes. */
export type SiteServices = {
  /** For the boxes of the sidebar and staff previews only; pages read `reader`. */
  payload: Payload
  reader: SiteReader
  cache: PageCache
  chrome: SiteChrome
  sidebarWidgets: SidebarWidget[]
  /** The boxes as last rendered per site (src/site/sidebar.ts). */
  widgetCache: WidgetCache
  /** "Lượt xem" of an article (from the visit statistics). */
  articleViews: (article: { id: Id; importedViews?: number }) => Promise<number>
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_PAGE = 10_000

/** A slug from the address, or 404: anything else cannot name a document. */
export function slugParam(req: Request, name = 'slug'): string {
  const slug = String(req.params[name] ?? '')
  if (slug.length > 200 || !SLUG.test(slug)) throw notFound()
  return slug
}

/** `?trang=N`: a positive whole number, 1 when absent. */
export function pageParam(req: Request): number {
  const raw = req.query.trang
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw badRequest('Số trang không hợp lệ.')
  }
  return Number(raw)
}

/** `?q=…`: the parsed search, or 400 with the reason. */
export function searchParam(req: Request): ParsedQuery {
  try {
    return parseSearchQuery(req.query.q)
  } catch (error) {
    if (error instanceof SearchQueryError) throw badRequest(error.message)
    throw error
  }
}

/** A page number past the end of a listing is a missing page. */
export function ensurePageExists(page: number, totalPages: number): void {
  if (page > 1 && page > totalPages) throw notFound('Trang danh sách này không tồn tại.')
}

export function siteOf(res: Response): Site {
  return res.locals.site!
}

/** Menu, sidebar and address of a page: the site's chrome (kept between pages) and the sidebar widgets. */
export async function pageContext({ payload, chrome, sidebarWidgets, widgetCache }: SiteServices, req: Request, res: Response): Promise<PageContext> {
  const site = siteOf(res)
  const shared = await chrome.load(site)
  const sidebar = await loadSidebar(payload, site, sidebarWidgets, shared, req.path, widgetCache)
  return { site, navigation: shared.categories, videos: shared.videos, sidebar, origin: siteOrigin(site), path: req.originalUrl }
}

/** A rendered HTML page and what it shows. */
export function html(element: ReactElement, tags: string[], status = 200): RenderedPage {
  return { status, type: 'html', body: `<!doctype html>${renderToStaticMarkup(element)}`, tags }
}

/** Sends a page that is never kept (live pages: a poll's state changes with every vote). */
export function sendUncached(res: Response, page: RenderedPage): void {
  res.status(page.status ?? 200).type(page.type).send(page.body)
}
