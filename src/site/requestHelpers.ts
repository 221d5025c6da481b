import type { Request, Response } from 'express'
import type { Payload } from 'payload'
import type { ReactElement } from 'react'

import { renderToStaticMarkup } from 'react-dom/server'

import type { Site, User } from '../payload-types.ts'
import type { PageCache } from './cache/types.ts'
import type { SidebarWidget } from './sidebar.ts'
import type { SiteChrome } from './siteChrome.ts'
import type { PageContext } from './views/context.ts'

import { isAdmin } from '../access/roles.ts'
import { type ParsedQuery, parseSearchQuery, SearchQueryError } from '../search/query.ts'
import { hasSession, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './cache/pageCache.ts'
import { weakEtag } from './cache/encoding.ts'
import { badRequest, notFound } from './httpError.ts'
import { loadSidebar } from './sidebar.ts'

export type SiteServices = { payload: Payload; cache: PageCache; chrome: SiteChrome; sidebarWidgets: SidebarWidget[] }

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

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`
}

/** Menu and sidebar of a page: the site's chrome (kept between pages) and the sidebar widgets. */
export async function pageContext({ payload, chrome, sidebarWidgets }: SiteServices, req: Request, res: Response): Promise<PageContext> {
  const site = siteOf(res)
  const shared = await chrome.load(site)
  const sidebar = await loadSidebar(payload, site, sidebarWidgets, shared, req.path)
  return { site, navigation: shared.categories, sidebar, origin: originOf(req), path: req.originalUrl }
}

export function renderPage(_services: SiteServices, req: Request, res: Response, element: ReactElement, status = 200): void {
  sendUncached(req, res, `<!doctype html>${renderToStaticMarkup(element)}`, 'html', status)
}

export function sendXml(_services: SiteServices, req: Request, res: Response, body: string, type = 'application/xml'): void {
  sendUncached(req, res, body, type, 200)
}

/**
 * Until the routes hand their pages to `cache.page()` (src/site/cache), pages are sent as rendered,
 * with the validators and Cache-Control the cache would give them.
 */
function sendUncached(req: Request, res: Response, body: string, type: string, status: number): void {
  res.type(type)
  if (hasSession(req)) {
    res.set('Cache-Control', PRIVATE_CACHE_CONTROL)
    res.status(status).send(body)
    return
  }
  res.set('Cache-Control', PUBLIC_CACHE_CONTROL)
  res.set('ETag', weakEtag(body))
  if (status === 200 && req.fresh) {
    res.status(304).end()
    return
  }
  res.status(status).send(body)
}

/** The signed-in user when they work on this site (administrators work on all), for previews. */
export async function staffOfSite(payload: Payload, req: Request, site: Site): Promise<User | undefined> {
  if (!hasSession(req)) return undefined
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const { user } = await payload.auth({ headers })
  if (!user || user.collection !== 'users') return undefined
  const staff = user as User
  if (isAdmin(staff)) return staff
  const sites = (staff.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site.id : entry.site))
  return sites.includes(site.id) ? staff : undefined
}
