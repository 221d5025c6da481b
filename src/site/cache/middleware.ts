import type { Request, RequestHandler, Response } from 'express'

import type { PageCache } from './pageCache.ts'

import { etagOf } from './pageCache.ts'

/** Signed-in staff (Payload's session cookie) get fresh, private pages: previews must never be cached. */
export function hasSession(req: Request): boolean {
  return /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')
}

/**
 * Serves a page from the cache when it can, written straight from its prepared bytes and headers
 * (a hit then costs little more than a bare Node server), with ETag revalidation (304).
 * Otherwise marks the request so that sendCacheable() stores what the route renders.
 */
export function servePageCache(cache: PageCache): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || hasSession(req)) return next()
    const key = `${res.locals.site!.id} ${cacheAddress(req)}`
    const page = cache.get(key)
    if (!page) {
      res.locals.pageCacheKey = key
      res.set('X-Cache', 'MISS')
      return next()
    }
    const { headers, body } = page.encoded
    // Through setHeader, so that code watching the response (visit counting) can read them.
    for (const name in headers) res.setHeader(name, headers[name]!)
    res.setHeader('X-Cache', 'HIT')
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(page.etag)) {
      res.removeHeader('Content-Length')
      res.writeHead(304)
      res.end()
      return
    }
    res.writeHead(page.status)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}

/**
 * Links shared on Facebook, Zalo or from newsletters carry tracking parameters that the pages
 * ignore; without them in the key, such a link is served from the cache like the plain address.
 */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|zarsrc|zalo_\w+|_hs\w+|mc_\w+)$/i

export function cacheAddress(req: Request): string {
  const query = req.originalUrl.indexOf('?')
  if (query === -1) return req.originalUrl
  const params = new URLSearchParams(req.originalUrl.slice(query + 1))
  for (const name of [...params.keys()]) if (TRACKING_PARAMETER.test(name)) params.delete(name)
  const rest = params.toString()
  return req.originalUrl.slice(0, query) + (rest ? `?${rest}` : '')
}

export type Cacheable = { body: string; type: string; status?: number }

/** Sends a rendered page with its validators, and keeps a successful public page in the cache. */
export function sendCacheable(cache: PageCache, req: Request, res: Response, { body, type, status = 200 }: Cacheable): void {
  const etag = etagOf(body)
  const key = res.locals.pageCacheKey
  send(req, res, status, type, body, etag)
  if (key && status === 200) {
    const encoded = Buffer.from(body)
    const headers = { ...res.getHeaders(), 'content-length': encoded.length } as Record<string, number | string | string[]>
    // Per-request headers never go to other readers.
    delete headers['x-cache']
    delete headers['set-cookie']
    cache.set(key, { status, etag, site: String(res.locals.site!.id), storedAt: Date.now(), encoded: { body: encoded, headers } })
  }
}

function send(req: Request, res: Response, status: number, type: string, body: string, etag: string): void {
  res.type(type)
  if (hasSession(req)) {
    res.set('Cache-Control', 'private, no-store')
  } else {
    // Browsers and proxies revalidate every time; the answer is usually a 304 from memory.
    res.set('Cache-Control', 'public, max-age=0, must-revalidate')
    res.set('ETag', etag)
    res.status(status)
    if (status === 200 && req.fresh) {
      res.status(304).end()
      return
    }
  }
  res.status(status).send(body)
}

declare module 'express-serve-static-core' {
  interface Locals {
    pageCacheKey?: string
  }
}
