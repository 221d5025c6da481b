import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http'

import { LRUCache } from 'lru-cache'

import type { Site, User } from '../../payload-types.ts'
import type { PageCache, PageChange, PageRender, PageRouteOptions, RenderedPage, Viewer } from './types.ts'

import { HttpError } from '../httpError.ts'
import { chooseEncoding, compress, compressAll, type EncodedBodies, type Encoding, etagMatches, weakEtag } from './encoding.ts'

/**
 * The public site's page cache, end to end: the key of a request, the lookup, single-flight
 * rendering, compression, the response headers, the tags of each page and purges.
 *
 * A page is fresh for `freshMs`; once that has passed or a purge names one of its tags it is
 * stale: readers still get it (X-Cache: STALE) for at most `staleMs` while one background render
 * replaces it. Concurrent misses of one address wait for one render. Verified staff of the site
 * get a private, freshly rendered page (X-Cache: BYPASS); anything that only looks like a session
 * gets the public page.
 */
export type PageCacheOptions = {
  /** Bytes kept, counting every coding of every page; 0 keeps nothing and every request renders. */
  maxBytes: number
  /** The signed-in staff member of `site` making the request, verified; undefined for anyone else. */
  authenticate: (req: Request, site: Site) => Promise<User | undefined>
  /** How long a page is served as it is (default 60 s). */
  freshMs?: number
  /** How long an expired or purged page may still be served while it is rendered again (default 5 min). */
  staleMs?: number
  /** How long the verdict on one session token is reused (default 5 s). */
  sessionMs?: number
  /** Failures of background renders, which have no request to report to. */
  onError?: (error: unknown, key: string) => void
  now?: () => number
}

export type PageCacheModule = PageCache & {
  /**
   * Answers from a fresh stored page before any middleware runs (a GET or HEAD without query string
   * or session cookie, for a site already resolved); false when the request needs the app (the
   * route then does everything else). The caller counts the visit and sets nothing the page
   * does not already carry: hits replay the headers the page was rendered with.
   */
  hit: (req: IncomingMessage, res: ServerResponse, site: number | string, extraHead?: readonly string[]) => boolean
  /** Resolves once no render started by the cache is running (tests await background re-renders). */
  settled: () => Promise<void>
}

export type XCache = 'BYPASS' | 'HIT' | 'MISS' | 'STALE'

/**
 * Browsers (max-age=0) ask again on every use and usually get a 304. A proxy or CDN in front may
 * answer from its copy for 1 s (s-maxage) and then keep serving it for 10 s more while one request
 * fetches the new one (stale-while-revalidate). No must-revalidate: it forbids using a stale copy
 * at all (RFC 9111 §5.2.2.2), in shared caches as in browsers, which would switch the
 * stale-while-revalidate of nginx or a CDN off. The price: a browser that implements
 * stale-while-revalidate may show its copy, at most 10 s old, while it fetches the new page.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=10'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
const ERROR_CACHE_CONTROL = 'no-store'

const SESSION_COOKIE = /(?:^|;\s*)payload-token=([^;]*)/
const SESSIONS_KEPT = 1000
/** Per stored page beyond its bodies: header arrays, key, tags. */
const ENTRY_OVERHEAD_BYTES = 1024

/** The session token of Payload's cookie, unverified. */
export function sessionToken(req: Request): string | undefined {
  const cookie = req.headers.cookie
  if (!cookie) return undefined
  const token = SESSION_COOKIE.exec(cookie)?.[1]?.trim()
  return token || undefined
}

/** A request carrying something that looks like a session (not verified: a hint, never a permission). */
export function hasSession(req: Request): boolean {
  return sessionToken(req) !== undefined
}

type Head = OutgoingHttpHeader[]

/** A page ready to be written: its codings and the headers common to all of them. */
type Reply = {
  status: number
  etag?: string
  bodies: Partial<EncodedBodies> & { identity: Buffer }
  /** Content-Type, Cache-Control, Vary, ETag and the headers the page was rendered with. */
  head: Head
}

type StoredPage = Reply & {
  site: string
  tags: ReadonlySet<string>
  freshUntil: number
  staleUntil: number
  etag: string
  /** What a hit writes, per coding, prepared at store time. */
  hit: Record<Encoding, Head>
  hitNotModified: Head
}

/** A render under way, told of the purges of its site that happen meanwhile. */
type Ticket = { site: string; purged: 'all' | Set<string> | undefined }

export function createPageCache(options: PageCacheOptions): PageCacheModule {
  const { maxBytes, authenticate, freshMs = 60_000, staleMs = 300_000, sessionMs = 5_000, now = Date.now } = options
  const onError = options.onError ?? ((error, key) => console.error(`page cache: rendering ${key} failed`, error))

  const pages =
    maxBytes > 0
      ? new LRUCache<string, StoredPage>({
          maxSize: maxBytes,
          sizeCalculation: (page, key) => page.bodies.identity.length + page.bodies.br!.length + page.bodies.gzip!.length + key.length + ENTRY_OVERHEAD_BYTES,
        })
      : undefined
  /** Renders in progress per key: misses wait for them, stale hits do not start another. */
  const flights = new Map<string, Promise<Reply>>()
  const tickets = new Set<Ticket>()
  const pending = new Set<Promise<unknown>>()
  const sessions = new LRUCache<string, { at: number; staff: Promise<User | undefined>; verdict?: User | null }>({ max: SESSIONS_KEPT })

  function track(work: Promise<unknown>): void {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }

  /** Renders `key` once for everyone asking, and stores the result when it is a 200. */
  function renderOnce(key: string, site: string, req: Request, res: Response, render: PageRender): Promise<Reply> {
    const inherited = inheritedHeaders(res)
    const ticket: Ticket = { site, purged: undefined }
    tickets.add(ticket)
    let page: RenderedPage | undefined
    const flight = call(render, req, res, {})
      .then(async (rendered) => {
        page = rendered
        return prepare(rendered, inherited, PUBLIC_CACHE_CONTROL, (rendered.status ?? 200) === 200 ? 'all' : undefined)
      })
      .finally(() => {
        tickets.delete(ticket)
        flights.delete(key)
      })
    flights.set(key, flight)
    track(
      flight.then(
        (reply) => {
          if (reply.status === 200) store(key, site, page!, reply, ticket)
          // The address answers something else now (a 404 once unpublished): forget the old page.
          else pages?.delete(key)
        },
        (error: unknown) => {
          if (error instanceof HttpError && error.status < 500) pages?.delete(key)
          else if (pages?.has(key)) onError(error, key)
        },
      ),
    )
    return flight
  }

  function store(key: string, site: string, page: RenderedPage, reply: Reply, ticket: Ticket): void {
    if (!pages) return
    const tags = new Set(page.tags)
    const purged = ticket.purged === 'all' || (ticket.purged !== undefined && [...ticket.purged].some((tag) => tags.has(tag)))
    const at = now()
    const etag = reply.etag!
    const stored: StoredPage = {
      ...reply,
      etag,
      site,
      tags,
      // Purged while rendering: what was read may predate the change, so the next reader renders again.
      freshUntil: purged ? at : at + freshMs,
      staleUntil: (purged ? at : at + freshMs) + staleMs,
      hit: {
        br: headFor(reply, 'br', 'HIT'),
        gzip: headFor(reply, 'gzip', 'HIT'),
        identity: headFor(reply, 'identity', 'HIT'),
      },
      hitNotModified: notModifiedHead(reply, 'HIT'),
    }
    pages.set(key, stored)
  }

  /**
   * Writes a stored page in one writeHead. Extra headers (the request id) are appended to the
   * stored list rather than set on `res` first: a header set before writeHead sends Node down its
   * slow path, which re-validates every stored header on each hit.
   */
  function writeHit(req: IncomingMessage, res: ServerResponse, page: StoredPage, extraHead?: readonly string[]): void {
    const withExtra = (head: Head) => (extraHead?.length ? head.concat(extraHead) : head)
    if (etagMatches(req.headers['if-none-match'], page.etag)) res.writeHead(304, withExtra(page.hitNotModified)).end()
    else {
      const encoding = chooseEncoding(req.headers['accept-encoding'])
      res.writeHead(200, withExtra(page.hit[encoding])).end(page.bodies[encoding])
    }
  }

  /** A stored page's answer: a hit, or a stale page while one render replaces it. */
  function serveStored(req: Request, res: Response, key: string, page: StoredPage, render: PageRender): boolean {
    const at = now()
    if (at < page.freshUntil) {
      writeHit(req, res, page)
      return true
    }
    if (at >= page.staleUntil) return false
    if (!flights.has(key)) void renderOnce(key, page.site, req, res, render).catch(() => undefined)
    void writeReply(req, res, page, 'STALE')
    return true
  }

  function servePublic(req: Request, res: Response, next: NextFunction, site: Site, params: readonly string[], render: PageRender): void {
    const key = cacheKey(req, String(site.id), params)
    if (key === undefined || !pages) {
      // Not shared with anyone: a parameter given twice or not a string (the route answers 400), or no cache.
      call(render, req, res, {})
        .then((page) => prepare(page, inheritedHeaders(res), PUBLIC_CACHE_CONTROL, undefined))
        .then((reply) => writeReply(req, res, reply, key === undefined ? 'BYPASS' : 'MISS'))
        .catch((error: unknown) => fail(res, next, error, 'MISS'))
      return
    }
    const page = pages.get(key)
    if (page && serveStored(req, res, key, page, render)) return
    const flight = flights.get(key) ?? renderOnce(key, String(site.id), req, res, render)
    flight.then(
      (reply) => writeReply(req, res, reply, 'MISS'),
      (error: unknown) => fail(res, next, error, 'MISS'),
    )
  }

  function serveStaff(req: Request, res: Response, next: NextFunction, staff: User, render: PageRender): void {
    const viewer: Viewer = { staff }
    call(render, req, res, viewer)
      .then((page) => prepare(page, inheritedHeaders(res), PRIVATE_CACHE_CONTROL, undefined))
      .then((reply) => writeReply(req, res, reply, 'BYPASS'))
      .catch((error: unknown) => fail(res, next, error, 'BYPASS'))
  }

  /** The verified staff member behind a token, asked of Payload once per token and site every `sessionMs`. */
  function staffFor(req: Request, site: Site, token: string): Promise<User | undefined> | User | null {
    const id = `${site.id} ${token}`
    const known = sessions.get(id)
    if (known && now() - known.at < sessionMs) return known.verdict === undefined ? known.staff : known.verdict
    const entry: { at: number; staff: Promise<User | undefined>; verdict?: User | null } = {
      at: now(),
      staff: new Promise<User | undefined>((resolve) => resolve(authenticate(req, site))).catch((error: unknown) => {
        onError(error, 'session verification')
        return undefined
      }),
    }
    void entry.staff.then((staff) => (entry.verdict = staff ?? null))
    sessions.set(id, entry)
    return entry.staff
  }

  return {
    page({ params = [] }: PageRouteOptions, render: PageRender): RequestHandler {
      const sorted = [...new Set(params)].sort()
      return (req, res, next) => {
        const site = res.locals.site
        if (!site) return next(new Error('The page cache needs res.locals.site (resolveSite runs first)'))
        const token = sessionToken(req)
        if (token === undefined) return servePublic(req, res, next, site, sorted, render)
        const staff = staffFor(req, site, token)
        if (staff === null) return servePublic(req, res, next, site, sorted, render)
        if (!(staff instanceof Promise)) return serveStaff(req, res, next, staff, render)
        staff.then(
          (verified) => (verified ? serveStaff(req, res, next, verified, render) : servePublic(req, res, next, site, sorted, render)),
          next,
        )
      }
    },

    purge({ site, tags }: PageChange) {
      const at = now()
      const named = tags && tags.length > 0 ? new Set(tags) : undefined
      for (const ticket of tickets) {
        if (ticket.site !== site || ticket.purged === 'all') continue
        ticket.purged = named ? new Set([...(ticket.purged ?? []), ...named]) : 'all'
      }
      if (!pages) return
      for (const page of pages.values()) {
        if (page.site !== site || page.freshUntil <= at) continue
        if (named && ![...named].some((tag) => page.tags.has(tag))) continue
        page.freshUntil = at
        page.staleUntil = Math.min(page.staleUntil, at + staleMs)
      }
    },

    hit(req, res, site, extraHead) {
      if (!pages || (req.method !== 'GET' && req.method !== 'HEAD')) return false
      const url = req.url ?? ''
      if (url.includes('?') || url.includes('%') || (req.headers.cookie && SESSION_COOKIE.test(req.headers.cookie))) return false
      const page = pages.get(`${site} ${url}`)
      if (!page || now() >= page.freshUntil) return false
      writeHit(req, res, page, extraHead)
      return true
    },

    stats: () => ({ entries: pages?.size ?? 0, bytes: pages?.calculatedSize ?? 0 }),

    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
  }
}

/**
 * The key of a request: its site, its path (percent-escapes of unreserved characters decoded, the
 * others upper-cased, so one address has one spelling) and the route's declared parameters,
 * sorted. Undefined when a declared parameter is repeated or not a string.
 */
export function cacheKey(req: Request, site: string, params: readonly string[]): string | undefined {
  const url = req.originalUrl
  const queryAt = url.indexOf('?')
  let path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (path.includes('%')) path = path.replace(/%[0-9a-f]{2}/gi, canonicalEscape)
  let key = `${site} ${path}`
  if (queryAt === -1 || params.length === 0) return key
  const query = req.query
  let separator = '?'
  for (const name of params) {
    const value = query[name]
    if (value === undefined) continue
    if (typeof value !== 'string') return undefined
    key += `${separator}${encodeURIComponent(name)}=${encodeURIComponent(value)}`
    separator = '&'
  }
  return key
}

/** Runs a render, a synchronous throw included, as a promise. */
function call(render: PageRender, req: Request, res: Response, viewer: Viewer): Promise<RenderedPage> {
  return new Promise((resolve) => resolve(render(req, res, viewer)))
}

function canonicalEscape(escape: string): string {
  const char = String.fromCharCode(parseInt(escape.slice(1), 16))
  return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase()
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html',
  xml: 'application/xml',
  rss: 'application/rss+xml',
  json: 'application/json',
  text: 'text/plain',
  txt: 'text/plain',
}

/** The Content-Type of a page body (always UTF-8: bodies are strings). */
function contentType(type: string): string {
  if (type.includes(';')) return type
  const mime = type.includes('/') ? type : CONTENT_TYPES[type]
  if (!mime) throw new Error(`Unknown page type "${type}"`)
  return `${mime}; charset=utf-8`
}

/** Headers of a response the page's own headers never copy; the others (CSP…) travel with the page. */
const OWN_HEADERS = new Set([
  'cache-control',
  'content-encoding',
  'content-length',
  'content-type',
  'etag',
  'last-modified',
  'set-cookie',
  'transfer-encoding',
  'vary',
  'x-cache',
  // Each request has its own id (src/ops/observe): never replayed from a stored page.
  'x-request-id',
])

/** Headers set on the response before the page (security headers): stored with it, replayed on hits. */
function inheritedHeaders(res: Response): Head {
  const head: Head = []
  const headers = res.getHeaders()
  for (const name in headers) {
    if (OWN_HEADERS.has(name)) continue
    const value = headers[name]
    if (value !== undefined) head.push(name, value)
  }
  return head
}

/** Makes a rendered page ready to send: validators and headers, and `codings: 'all'` compresses it for storing. */
async function prepare(page: RenderedPage, inherited: Head, cacheControl: string, codings: 'all' | undefined): Promise<Reply> {
  const status = page.status ?? 200
  const identity = Buffer.from(page.body)
  const head = [...inherited, 'Content-Type', contentType(page.type), 'Vary', 'Accept-Encoding']
  if (status !== 200) return { status, bodies: { identity }, head: [...head, 'Cache-Control', ERROR_CACHE_CONTROL] }
  const etag = weakEtag(identity)
  head.push('Cache-Control', cacheControl, 'ETag', etag)
  const bodies = codings === 'all' ? await compressAll(identity) : { identity }
  return { status, etag, bodies, head }
}

function headFor(reply: Reply, encoding: Encoding, xCache: XCache): Head {
  const body = reply.bodies[encoding]!
  const head = [...reply.head, 'Content-Length', String(body.length), 'X-Cache', xCache]
  if (encoding !== 'identity') head.push('Content-Encoding', encoding)
  return head
}

function notModifiedHead(reply: Reply, xCache: XCache): Head {
  const head: Head = []
  for (let index = 0; index < reply.head.length; index += 2) {
    const name = String(reply.head[index]).toLowerCase()
    if (name !== 'content-type') head.push(reply.head[index]!, reply.head[index + 1]!)
  }
  head.push('X-Cache', xCache)
  return head
}

/** Writes a reply in the coding the request accepts (compressing it now if it was not stored that way). */
async function writeReply(req: Request, res: Response, reply: Reply, xCache: XCache): Promise<void> {
  if (res.headersSent) return
  if (reply.etag && etagMatches(req.headers['if-none-match'], reply.etag)) {
    res.writeHead(304, notModifiedHead(reply, xCache)).end()
    return
  }
  let encoding = reply.status === 200 ? chooseEncoding(req.headers['accept-encoding']) : 'identity'
  let body = reply.bodies[encoding]
  if (!body && encoding !== 'identity') {
    body = await compress(reply.bodies.identity, encoding)
    reply = { ...reply, bodies: { ...reply.bodies, [encoding]: body } }
  }
  if (!body) encoding = 'identity'
  res.writeHead(reply.status, headFor(reply, encoding, xCache)).end(reply.bodies[encoding])
}

function fail(res: Response, next: NextFunction, error: unknown, xCache: XCache): void {
  if (!res.headersSent) res.setHeader('X-Cache', xCache)
  next(error)
}
