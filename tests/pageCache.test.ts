import type { ErrorRequestHandler, Express } from 'express'

import express from 'express'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Site, User } from '../src/payload-types.ts'
import type { PageRender, RenderedPage, Viewer } from '../src/site/cache/types.ts'

import { compressedAssets } from '../src/server/compressedAssets.ts'
import { chooseEncoding } from '../src/site/cache/encoding.ts'
import { createPageCache, type PageCacheModule, type PageCacheOptions, PUBLIC_CACHE_CONTROL } from '../src/site/cache/pageCache.ts'
import { HttpError, notFound } from '../src/site/httpError.ts'
import { createSiteDirectory } from '../src/site/siteDirectory.ts'
import { type Listening, listen } from './helpers/listen.ts'

const CSP = "default-src 'self'"
const STAFF = { id: 7, role: 'editor' } as User

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string }

const servers: Listening[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A tiny site: the site comes from an `X-Site` header (1 by default), every response gets a CSP. */
async function serve(cache: PageCacheModule, routes: (app: Express) => void): Promise<(path: string, headers?: Record<string, string>, method?: string) => Promise<Answer>> {
  const app = express()
  app.set('etag', false)
  app.use((req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP)
    res.locals.site = { id: Number(req.headers['x-site'] ?? 1) } as Site
    next()
  })
  routes(app)
  const errors: ErrorRequestHandler = (error, _req, res, _next) => {
    res.status(error instanceof HttpError ? error.status : 500).type('text').send(error instanceof HttpError ? error.message : 'error')
  }
  app.use(errors)
  const server = await listen(app)
  servers.push(server)
  const { port } = server
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  return (path, headers = {}, method = 'GET') =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString() })
        })
      })
      req.on('error', reject)
      req.end()
    })
}

/** A render that counts its calls and shows `content.value` for the page's path. */
function fakeRender(tags: string[] = ['home']) {
  const calls: { path: string; viewer: Viewer; query: unknown }[] = []
  const content = { value: 'v1' }
  const render: PageRender = async (req, _res, viewer) => {
    calls.push({ path: req.path, viewer, query: req.query })
    return { type: 'html', body: `<!doctype html><p>${req.path} ${content.value}${viewer.staff ? ' preview' : ''}</p>`, tags }
  }
  return { render, calls, content }
}

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)))
  return { promise, resolve, reject }
}

const options = (overrides: Partial<PageCacheOptions> = {}): PageCacheOptions => ({
  maxBytes: 10 * 1024 * 1024,
  authenticate: async () => undefined,
  onError: () => undefined,
  ...overrides,
})

describe('page cache: keys', () => {
  it('keeps query parameters the route does not read out of the key, and never makes entries for them', async () => {
    const cache = createPageCache(options())
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/chuyen-muc/:slug', cache.page({ params: ['trang', 'q'] }, page.render)))

    expect((await get('/chuyen-muc/tin-tuc')).headers['x-cache']).toBe('MISS')
    for (const junk of ['?utm_source=zalo&fbclid=IwAR0', '?x=1', '?trang[]=&zz', '?%ff=1']) {
      const res = await get(`/chuyen-muc/tin-tuc${junk}`)
      expect(res.headers['x-cache'], junk).toBe('HIT')
    }
    expect(page.calls).toHaveLength(1)
    expect(cache.stats().entries).toBe(1)

    // Declared parameters do make another page, in any order and spelling.
    expect((await get('/chuyen-muc/tin-tuc?trang=2&q=a%20b')).headers['x-cache']).toBe('MISS')
    expect((await get('/chuyen-muc/tin-tuc?q=a+b&utm_medium=email&trang=2')).headers['x-cache']).toBe('HIT')
    expect((await get('/chuyen-muc/%74in-tuc')).headers['x-cache']).toBe('HIT')
    expect(page.calls).toHaveLength(2)
    expect(cache.stats().entries).toBe(2)
  })

  it('renders without storing when a declared parameter is repeated', async () => {
    const cache = createPageCache(options())
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/l', cache.page({ params: ['trang'] }, page.render)))
    const first = await get('/l?trang=1&trang=2')
    const second = await get('/l?trang=1&trang=2')
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['BYPASS', 'BYPASS'])
    expect(page.calls).toHaveLength(2)
    expect(page.calls[0]!.query).toEqual({ trang: ['1', '2'] })
    expect(cache.stats().entries).toBe(0)
  })

  it('keeps sites apart', async () => {
    const cache = createPageCache(options())
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/', cache.page({}, page.render)))
    await get('/', { 'X-Site': '1' })
    expect((await get('/', { 'X-Site': '2' })).headers['x-cache']).toBe('MISS')
    expect(page.calls).toHaveLength(2)
  })
})

describe('page cache: single flight and staleness', () => {
  it('renders once for concurrent misses of one address, and all of them get the page', async () => {
    const cache = createPageCache(options())
    const gate = deferred<void>()
    let arrived = 0
    let renders = 0
    const get = await serve(cache, (app) => {
      app.use((_req, _res, next) => (arrived++, next()))
      app.get(
        '/',
        cache.page({}, async () => {
          renders++
          await gate.promise
          return { type: 'html', body: '<p>once</p>', tags: ['home'] }
        }),
      )
    })
    const answers = Promise.all(Array.from({ length: 12 }, () => get('/')))
    await vi.waitFor(() => expect(arrived).toBe(12))
    gate.resolve()
    const results = await answers
    expect(renders).toBe(1)
    for (const res of results) {
      expect(res.status).toBe(200)
      expect(res.text).toBe('<p>once</p>')
      expect(res.headers['x-cache']).toBe('MISS')
    }
  })

  it('serves an expired page stale while one background render replaces it', async () => {
    let now = 0
    const cache = createPageCache(options({ freshMs: 1000, staleMs: 5000, now: () => now }))
    let gate = deferred<void>()
    gate.resolve()
    let renders = 0
    const content = { value: 'old' }
    const get = await serve(cache, (app) =>
      app.get(
        '/',
        cache.page({}, async () => {
          renders++
          const shown = content.value
          await gate.promise
          return { type: 'html', body: `<p>${shown}</p>`, tags: ['home'] }
        }),
      ),
    )
    expect((await get('/')).headers['x-cache']).toBe('MISS')
    expect((await get('/')).headers['x-cache']).toBe('HIT')

    now = 1500
    content.value = 'new'
    gate = deferred<void>()
    const stale = await Promise.all([get('/'), get('/'), get('/')])
    for (const res of stale) {
      expect(res.headers['x-cache']).toBe('STALE')
      expect(res.text).toBe('<p>old</p>')
    }
    expect(renders).toBe(2)
    gate.resolve()
    await cache.settled()
    const fresh = await get('/')
    expect([fresh.headers['x-cache'], fresh.text]).toEqual(['HIT', '<p>new</p>'])
    expect(renders).toBe(2)

    // Past the stale bound a reader waits for the render rather than getting a page that old.
    now = 1500 + 1000 + 5000
    content.value = 'newer'
    const late = await get('/')
    expect([late.headers['x-cache'], late.text]).toEqual(['MISS', '<p>newer</p>'])
  })

  it('keeps the stale page when a background render fails, logs it, and drops a page that is now missing', async () => {
    let now = 0
    const onError = vi.fn()
    const cache = createPageCache(options({ freshMs: 1000, staleMs: 60_000, now: () => now, onError }))
    let outcome: 'ok' | 'crash' | 'gone' = 'ok'
    const get = await serve(cache, (app) =>
      app.get(
        '/bai-viet/:slug',
        cache.page({}, async () => {
          if (outcome === 'crash') throw new Error('database down')
          if (outcome === 'gone') throw notFound()
          return { type: 'html', body: '<p>article</p>', tags: ['article:1'] }
        }),
      ),
    )
    await get('/bai-viet/a')
    now = 2000
    outcome = 'crash'
    expect((await get('/bai-viet/a')).headers['x-cache']).toBe('STALE')
    await cache.settled()
    expect(onError).toHaveBeenCalledTimes(1)
    const again = await get('/bai-viet/a')
    expect([again.status, again.headers['x-cache'], again.text]).toEqual([200, 'STALE', '<p>article</p>'])
    await cache.settled()

    outcome = 'gone'
    expect((await get('/bai-viet/a')).headers['x-cache']).toBe('STALE')
    await cache.settled()
    const missing = await get('/bai-viet/a')
    expect(missing.status).toBe(404)
    expect(cache.stats().entries).toBe(0)
  })

  it('never stores errors, and every waiter of a failed miss gets the error', async () => {
    const cache = createPageCache(options())
    let renders = 0
    const gate = deferred<void>()
    const get = await serve(cache, (app) =>
      app.get(
        '/bai-viet/:slug',
        cache.page({}, async () => {
          renders++
          await gate.promise
          throw notFound()
        }),
      ),
    )
    const both = Promise.all([get('/bai-viet/x'), get('/bai-viet/x')])
    await vi.waitFor(() => expect(renders).toBe(1))
    gate.resolve()
    for (const res of await both) expect(res.status).toBe(404)
    expect(renders).toBe(1)
    const again = await get('/bai-viet/x')
    expect([again.status, again.headers['x-cache']]).toEqual([404, 'MISS'])
    expect(renders).toBe(2)
    expect(cache.stats().entries).toBe(0)
  })

  it('does not store a page with another status than 200', async () => {
    const cache = createPageCache(options())
    let renders = 0
    const get = await serve(cache, (app) =>
      app.get(
        '/',
        cache.page({}, async (): Promise<RenderedPage> => (renders++, { status: 410, type: 'html', body: 'gone', tags: [] })),
      ),
    )
    expect((await get('/')).status).toBe(410)
    const again = await get('/')
    expect([again.status, again.headers['cache-control']]).toEqual([410, 'no-store'])
    expect(renders).toBe(2)
  })
})

describe('page cache: purges', () => {
  it('makes stale only the pages of that site carrying a purged tag (every page of the site without tags)', async () => {
    const cache = createPageCache(options())
    const routes = { a: fakeRender(['article:1', 'list:newest']), b: fakeRender(['article:2']) }
    const get = await serve(cache, (app) => {
      app.get('/a', cache.page({}, routes.a.render))
      app.get('/b', cache.page({}, routes.b.render))
    })
    for (const site of ['1', '2']) for (const path of ['/a', '/b']) await get(path, { 'X-Site': site })

    cache.purge({ site: '1', tags: ['article:1'] })
    expect((await get('/a', { 'X-Site': '1' })).headers['x-cache']).toBe('STALE')
    expect((await get('/b', { 'X-Site': '1' })).headers['x-cache']).toBe('HIT')
    expect((await get('/a', { 'X-Site': '2' })).headers['x-cache']).toBe('HIT')
    await cache.settled()
    expect((await get('/a', { 'X-Site': '1' })).headers['x-cache']).toBe('HIT')

    cache.purge({ site: '1' })
    expect((await get('/a', { 'X-Site': '1' })).headers['x-cache']).toBe('STALE')
    expect((await get('/b', { 'X-Site': '1' })).headers['x-cache']).toBe('STALE')
    expect((await get('/b', { 'X-Site': '2' })).headers['x-cache']).toBe('HIT')
  })

  it('stores a page rendered while its tags were purged as already stale', async () => {
    const cache = createPageCache(options())
    const gate = deferred<void>()
    let renders = 0
    const get = await serve(cache, (app) =>
      app.get(
        '/',
        cache.page({}, async () => {
          renders++
          if (renders === 1) await gate.promise
          return { type: 'html', body: `<p>${renders}</p>`, tags: ['list:newest'] }
        }),
      ),
    )
    const first = get('/')
    await vi.waitFor(() => expect(renders).toBe(1))
    cache.purge({ site: '1', tags: ['list:newest'] })
    gate.resolve()
    expect((await first).text).toBe('<p>1</p>')
    await cache.settled()
    expect((await get('/')).headers['x-cache']).toBe('STALE')
    await cache.settled()
    expect((await get('/')).text).toBe('<p>2</p>')
  })
})

describe('page cache: bytes', () => {
  it('is bounded by the bytes of every coding of its pages, least recently used out first', async () => {
    const cache = createPageCache(options({ maxBytes: 40_000 }))
    // Base64 of random bytes compresses to about 6/8: each page weighs about 8 + 6 + 6 KB.
    const bodies = new Map<string, string>()
    const get = await serve(cache, (app) =>
      app.get(
        '/:name',
        cache.page({}, async (req) => {
          const body = bodies.get(req.path) ?? crypto.randomBytes(6000).toString('base64')
          bodies.set(req.path, body)
          return { type: 'text', body, tags: [] }
        }),
      ),
    )
    await get('/a')
    expect(cache.stats().bytes).toBeGreaterThan(8000 + 2 * 6000)
    await get('/b')
    expect(cache.stats()).toMatchObject({ entries: 1 })
    expect(cache.stats().bytes).toBeLessThanOrEqual(40_000)
    expect((await get('/b')).headers['x-cache']).toBe('HIT')
    expect((await get('/a')).headers['x-cache']).toBe('MISS')
  })

  it('with 0 bytes stores nothing and renders every request, with the same headers', async () => {
    const cache = createPageCache(options({ maxBytes: 0 }))
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/', cache.page({}, page.render)))
    await get('/')
    const second = await get('/', { 'Accept-Encoding': 'gzip' })
    expect(second.headers['x-cache']).toBe('MISS')
    expect(second.headers['content-encoding']).toBe('gzip')
    expect(second.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
    expect(zlib.gunzipSync(second.body).toString()).toContain('v1')
    expect(page.calls).toHaveLength(2)
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 })
  })
})

describe('page cache: responses', () => {
  const html = `<!doctype html><title>Tin tức</title>${'<p>Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân.</p>'.repeat(200)}`

  async function servePage(cache = createPageCache(options())) {
    return serve(cache, (app) => app.get('/', cache.page({}, async () => ({ type: 'html', body: html, tags: ['home'] }))))
  }

  it('answers in the coding Accept-Encoding prefers, with Vary, one ETag and the right lengths', async () => {
    const get = await servePage()
    await get('/')
    const br = await get('/', { 'Accept-Encoding': 'gzip, deflate, br, zstd' })
    const gzip = await get('/', { 'Accept-Encoding': 'gzip' })
    const identity = await get('/', {})
    const refused = await get('/', { 'Accept-Encoding': 'br;q=0, gzip;q=0' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html)
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(html)
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.text).toBe(html)
    expect(refused.headers['content-encoding']).toBeUndefined()
    for (const res of [br, gzip, identity]) {
      expect(res.headers['x-cache']).toBe('HIT')
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.headers.etag).toBe(identity.headers.etag)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
    }
    expect(br.body.length).toBeLessThan(gzip.body.length)
    expect(gzip.body.length).toBeLessThan(Buffer.byteLength(html) * 0.3)
  })

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const get = await servePage()
    const first = await get('/', { 'Accept-Encoding': 'br' })
    const etag = first.headers.etag!
    expect(etag).toMatch(/^W\/"/)
    for (const condition of [etag, `"x", ${etag}`, etag.slice(2)]) {
      const res = await get('/', { 'If-None-Match': condition, 'Accept-Encoding': 'br' })
      expect(res.status, condition).toBe(304)
      expect(res.body.length).toBe(0)
      expect(res.headers.etag).toBe(etag)
    }
    expect((await get('/', { 'If-None-Match': 'W/"other"' })).status).toBe(200)
    const head = await get('/', { 'Accept-Encoding': 'gzip' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-encoding']).toBe('gzip')
    const gzip = await get('/', { 'Accept-Encoding': 'gzip' })
    expect(head.headers['content-length']).toBe(String(gzip.body.length))
  })

  it('gives hits the headers the page was rendered with, but never a Set-Cookie', async () => {
    const cache = createPageCache(options())
    let first = true
    const get = await serve(cache, (app) => {
      app.use((_req, res, next) => {
        if (first) res.setHeader('Set-Cookie', 'voter=abc')
        first = false
        next()
      })
      app.get('/', cache.page({}, async () => ({ type: 'html', body: '<p>x</p>', tags: [] })))
    })
    const miss = await get('/')
    expect(miss.headers['set-cookie']).toEqual(['voter=abc'])
    const hit = await get('/')
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.headers['content-security-policy']).toBe(CSP)
    expect(hit.headers['set-cookie']).toBeUndefined()
  })

  it('picks br, then gzip, by quality', () => {
    expect(chooseEncoding('gzip, br')).toBe('br')
    expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('deflate')).toBe('identity')
    expect(chooseEncoding(undefined)).toBe('identity')
  })
})

describe('page cache: hits before the app', () => {
  it('answers a fresh stored page without the app, and leaves everything else to it', async () => {
    let now = 0
    const cache = createPageCache(options({ freshMs: 1000, now: () => now }))
    const page = fakeRender()
    const app = express()
    let reached = 0
    app.use((_req, res, next) => (reached++, (res.locals.site = { id: 1 } as Site), next()))
    app.get('/a', cache.page({}, page.render))
    const server = await listen((req, res) => cache.hit(req, res, 1) || app(req, res))
    servers.push(server)
    const { port } = server
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<http.IncomingMessage & { text?: string }>((resolve) =>
        http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () => resolve(Object.assign(res, { text })))
        }),
      )
    expect((await get('/a')).headers['x-cache']).toBe('MISS')
    const hit = await get('/a', { 'Accept-Encoding': 'gzip' })
    expect([hit.headers['x-cache'], hit.headers['content-encoding'], hit.headers.vary]).toEqual(['HIT', 'gzip', 'Accept-Encoding'])
    expect(reached).toBe(1)
    expect(cache.hit({ method: 'GET', url: '/a', headers: {} } as http.IncomingMessage, {} as http.ServerResponse, 2)).toBe(false)
    for (const [path, headers] of [['/a?utm_source=x', {}], ['/a', { Cookie: 'payload-token=x' }]] as const) {
      expect((await get(path, headers)).headers['x-cache']).toBe('HIT')
    }
    expect(reached).toBe(3)
    now = 1500
    expect((await get('/a')).headers['x-cache']).toBe('STALE')
    expect(page.calls).toHaveLength(2)
  })
})

describe('page cache: sessions', () => {
  it('gives a made-up session cookie the cached public page, verifying each token once', async () => {
    const authenticate = vi.fn(async () => undefined)
    const cache = createPageCache(options({ authenticate }))
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/', cache.page({}, page.render)))
    await get('/')
    for (let i = 0; i < 5; i++) {
      const res = await get('/', { Cookie: 'a=1; payload-token=x' })
      expect(res.headers['x-cache']).toBe('HIT')
      expect(res.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
    }
    expect(authenticate).toHaveBeenCalledTimes(1)
    expect(page.calls).toHaveLength(1)
  })

  it('renders a private, unstored page for verified staff of the site', async () => {
    const authenticate = vi.fn(async (req: { headers: http.IncomingHttpHeaders }, site: Site) =>
      req.headers.cookie === 'payload-token=good' && site.id === 1 ? STAFF : undefined,
    )
    const cache = createPageCache(options({ authenticate }))
    const page = fakeRender()
    const get = await serve(cache, (app) => app.get('/', cache.page({}, page.render)))
    await get('/')
    const staff = await get('/', { Cookie: 'payload-token=good' })
    expect(staff.headers['x-cache']).toBe('BYPASS')
    expect(staff.headers['cache-control']).toBe('private, no-store')
    expect(staff.text).toContain('preview')
    expect(page.calls.at(-1)!.viewer.staff).toBe(STAFF)
    // The same token on another site is nobody there.
    expect((await get('/', { Cookie: 'payload-token=good', 'X-Site': '2' })).headers['x-cache']).toBe('MISS')
    const reader = await get('/')
    expect([reader.headers['x-cache'], reader.text.includes('preview')]).toEqual(['HIT', false])
    expect(cache.stats().entries).toBe(2)
  })
})

describe('site directory: hosts', () => {
  const site = (id: number, ...hosts: string[]) => ({ id, hosts: hosts.map((host) => ({ host })) }) as unknown as Site
  const payloadWith = (sites: Site[]) => ({ find: async () => ({ docs: sites }) }) as never

  it('serves a configured host exactly, or without its port on a port this installation answers on', async () => {
    const directory = createSiteDirectory(payloadWith([site(1, 'localhost', 'hoabinh.localhost'), site(2, '127.0.0.1', 'kontum.gov.vn:8443')]), ['3000', '80'])
    const idOf = async (host: string) => (await directory.siteFor(host))?.id
    expect(await idOf('localhost')).toBe(1)
    expect(await idOf('LOCALHOST:3000')).toBe(1)
    expect(await idOf('hoabinh.localhost.:80')).toBe(1)
    expect(await idOf('127.0.0.1:3000')).toBe(2)
    expect(await idOf('kontum.gov.vn:8443')).toBe(2)
    expect(await idOf('localhost:1')).toBeUndefined()
    expect(await idOf('127.0.0.1:8443')).toBeUndefined()
    expect(await idOf('kontum.gov.vn')).toBeUndefined()
    expect(await idOf('example.org')).toBeUndefined()
    expect(await idOf('localhost:x')).toBeUndefined()
    expect(await idOf('')).toBeUndefined()
  })

  it('lets a single site answer any host name, on the installation ports only', async () => {
    const directory = createSiteDirectory(payloadWith([site(1)]), ['3000'])
    expect((await directory.siteFor('example.org'))?.id).toBe(1)
    expect((await directory.siteFor('example.org:3000'))?.id).toBe(1)
    expect(await directory.siteFor('example.org:1')).toBeUndefined()
  })

  it('serves a name at the port the connection really arrived on', async () => {
    const directory = createSiteDirectory(payloadWith([site(1, 'localhost')]), ['3000'])
    expect((await directory.siteFor('localhost:45123', 45123))?.id).toBe(1)
    expect(await directory.siteFor('localhost:45124', 45123)).toBeUndefined()
  })
})

describe('static assets', () => {
  it('serves /assets compressed by Accept-Encoding, with Vary, ETag and 304', async () => {
    const cache = createPageCache(options())
    const folder = path.resolve('src/site/public')
    const css = fs.readFileSync(path.join(folder, 'site.css'))
    const get = await serve(cache, (app) => app.use('/assets', compressedAssets(folder)))
    const br = await get('/assets/site.css', { 'Accept-Encoding': 'gzip, br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).equals(css)).toBe(true)
    expect(br.body.length).toBeLessThan(css.length * 0.3)
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(br.headers['cache-control']).toBe('public, max-age=86400')
    expect(br.headers.vary).toBe('Accept-Encoding')
    const gzip = await get('/assets/site.css', { 'Accept-Encoding': 'gzip' })
    expect(zlib.gunzipSync(gzip.body).equals(css)).toBe(true)
    const plain = await get('/assets/site.css')
    expect(plain.body.equals(css)).toBe(true)
    expect(Number(plain.headers['content-length'])).toBe(css.length)
    expect(plain.headers.etag).toBe(br.headers.etag)
    expect((await get('/assets/site.css', { 'If-None-Match': br.headers.etag! })).status).toBe(304)
    expect((await get('/assets/nothing.css')).status).toBe(404)
  })
})
