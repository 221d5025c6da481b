import type { ChildProcess } from 'node:child_process'

import crypto from 'node:crypto'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PageChange } from '../src/site/cache/types.ts'
import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { articlePath } from '../src/site/paths.ts'
import { instanceRelayOf, startInstanceRelay } from '../src/site/instances/index.ts'
import { decodeNotice, encodeNotice, MAX_NOTICE_BYTES, MAX_PARTS } from '../src/site/instances/notices.ts'
import { type ContentEventEmitter, createPgRelay } from '../src/site/instances/pgRelay.ts'
import { sketchOf, unionSize } from '../src/stats/onlineSketch.ts'
import { VISIT_STATS_PATH } from '../src/stats/views/VisitStatsBox.tsx'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'
import { BROWSER_UA, httpGet, readerAddress } from './helpers/load.ts'
import { type Finished, freePort, runEntry, waitForHealthy } from './helpers/serverProcess.ts'
import { testDatabaseKind } from './helpers/testDatabase.ts'

/**
 * Several app instances on one database, as behind a load balancer: two production servers
 * (`src/server/main.ts`) on the test's database. On PostgreSQL they relay content changes to each
 * other (src/site/instances); on SQLite there is no relay, which is checked instead. "Đang online"
 * counts readers across instances on both.
 */
const kind = testDatabaseKind()
/** The demo site answers to this Host. */
const HOST = 'localhost'

let portal: Portal
let site: Site
const instances: { child: ChildProcess; finished: Promise<Finished>; origin: string }[] = []

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  const secret = crypto.randomBytes(32).toString('hex')
  for (let index = 0; index < 2; index++) {
    const port = await freePort()
    const instance = runEntry('src/server/main.ts', {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: secret,
      DATABASE_URL: portal.database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(portal.tmpDir, `data-${index}`),
      MEDIA_DIR: path.join(portal.tmpDir, 'media'),
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
    })
    instances.push({ ...instance, origin: `http://127.0.0.1:${port}` })
    await waitForHealthy(port, 120_000)
  }
}, 300_000)

afterAll(async () => {
  for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL')
  await portal?.close()
})

/** A page as a reader `reader` sees it (counted as a visit), or, without one, as a robot would (not counted). */
const page = (origin: string, urlPath: string, reader?: number) =>
  httpGet(origin, urlPath, reader === undefined ? { host: HOST } : { host: HOST, 'user-agent': BROWSER_UA, 'x-forwarded-for': readerAddress(reader) })

/** Polls every 50 ms until `check` holds; fails once `limitMs` have passed. Resolves with the time it took. */
async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now()
  for (;;) {
    if (await check()) return Date.now() - start
    if (Date.now() - start > limitMs) throw new Error(`${what}: not within ${limitMs} ms`)
    await sleep(50)
  }
}

describe('notices between instances', () => {
  const from = 'abc123'

  it('carry one event per notice, and read back as sent', () => {
    const change: PageChange = { site: '7', tags: ['article:42', 'home'] }
    const [payload, ...rest] = encodeNotice({ from, kind: 'pages', change })
    expect(rest).toEqual([])
    expect(decodeNotice(payload!)).toEqual({ from, kind: 'pages', change })
    expect(decodeNotice(encodeNotice({ from, kind: 'pages', change: { site: '7' } })[0]!)).toEqual({ from, kind: 'pages', change: { site: '7' } })
    expect(decodeNotice(encodeNotice({ from, kind: 'sites' })[0]!)).toEqual({ from, kind: 'sites' })
  })

  it('split many tags under the NOTIFY limit, and purge the whole site when they would take too many', () => {
    const tags = Array.from({ length: 600 }, (_, index) => `article:${1_000_000 + index}`)
    const payloads = encodeNotice({ from, kind: 'pages', change: { site: '7', tags } })
    expect(payloads.length).toBeGreaterThan(1)
    expect(payloads.length).toBeLessThanOrEqual(MAX_PARTS)
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_NOTICE_BYTES)
    const received = payloads.map((payload) => decodeNotice(payload)!)
    expect(received.flatMap((notice) => (notice.kind === 'pages' ? (notice.change.tags ?? []) : []))).toEqual(tags)

    const tooMany = Array.from({ length: 20_000 }, (_, index) => `article:${index}`)
    expect(encodeNotice({ from, kind: 'pages', change: { site: '7', tags: tooMany } }).map((payload) => decodeNotice(payload))).toEqual([
      { from, kind: 'pages', change: { site: '7' } },
    ])
  })

  it('read a notice of another format version as "everything changed", and ignore what is not a notice', () => {
    expect(decodeNotice(JSON.stringify({ v: 99, from, kind: 'pages', site: '7', tags: ['home'] }))).toEqual({ from, kind: 'everything' })
    expect(decodeNotice('not json')).toBeUndefined()
    expect(decodeNotice(JSON.stringify({ v: 1, kind: 'sites' }))).toBeUndefined()
  })
})

if (kind === 'postgres') {
  describe('the relay on PostgreSQL', () => {
    type Received = { event: 'sitesChanged' | 'pagesChanged'; change?: PageChange; remote?: boolean }
    const CHANNEL = 'cong_tin_relay_test'
    const relayOn = (sites: string[] = ['1', '2'], minBackoffMs = 50) => {
      const events: ContentEventEmitter = new EventEmitter()
      const received: Received[] = []
      events.on('sitesChanged', (remote) => received.push({ event: 'sitesChanged', remote }))
      events.on('pagesChanged', (change, remote) => received.push({ event: 'pagesChanged', change, remote }))
      const logger = { info: () => {}, warn: () => {}, error: () => {} }
      const relay = createPgRelay({ connectionString: portal.database.url, events, listSites: async () => sites, logger, channel: CHANNEL, minBackoffMs })
      return { relay, events, received }
    }
    const remoteOnly = (received: Received[]) => received.filter((event) => event.remote)

    it('starts with the process and listens on its own connection', () => {
      const relay = instanceRelayOf(portal.payload)
      expect(relay?.connected()).toBe(true)
      expect(relay?.backendPid()).toBeGreaterThan(0)
    })

    it('delivers an event of one instance to the other as remote, and never echoes it back', async () => {
      const a = relayOn()
      const b = relayOn()
      await Promise.all([a.relay.ready, b.relay.ready])
      try {
        a.events.emit('pagesChanged', { site: '7', tags: ['article:42'] })
        a.events.emit('sitesChanged')
        await within(1_000, 'the notices reach B', async () => b.received.length >= 2)
        expect(b.received).toEqual([
          { event: 'pagesChanged', change: { site: '7', tags: ['article:42'] }, remote: true },
          { event: 'sitesChanged', remote: true },
        ])
        // A relayed event is not sent again: B re-emitted both as remote, and A heard nothing back.
        b.events.emit('pagesChanged', { site: '8' }, true)
        await sleep(300)
        expect(remoteOnly(a.received)).toEqual([])
        // From B to A works the same.
        b.events.emit('pagesChanged', { site: '9' })
        await within(1_000, 'the notice reaches A', async () => remoteOnly(a.received).length === 1)
        expect(remoteOnly(a.received)).toEqual([{ event: 'pagesChanged', change: { site: '9' }, remote: true }])
        expect(b.received.filter((event) => event.change?.site === '9').map((event) => event.remote)).toEqual([undefined])
      } finally {
        await Promise.all([a.relay.close(), b.relay.close()])
      }
    })

    it('sends a change with many tags in parts that add up to it', async () => {
      const a = relayOn()
      const b = relayOn()
      await Promise.all([a.relay.ready, b.relay.ready])
      try {
        const tags = Array.from({ length: 600 }, (_, index) => `article:${index}`)
        a.events.emit('pagesChanged', { site: '7', tags })
        await within(1_000, 'all parts reach B', async () => b.received.flatMap((event) => event.change?.tags ?? []).length === tags.length)
        expect(b.received.length).toBeGreaterThan(1)
        expect(b.received.every((event) => event.remote && event.change?.site === '7')).toBe(true)
        expect(b.received.flatMap((event) => event.change?.tags ?? [])).toEqual(tags)
      } finally {
        await Promise.all([a.relay.close(), b.relay.close()])
      }
    })

    it('reconnects after its connection is cut, purges every site (notices may be lost), sends what waited, and relays again', async () => {
      const a = relayOn()
      // B waits 300-600 ms before reconnecting, so the time it is cut off is long enough to act in.
      const b = relayOn(['1', '2'], 600)
      await Promise.all([a.relay.ready, b.relay.ready])
      const admin = new pg.Client({ connectionString: portal.database.url })
      await admin.connect()
      try {
        const cut = b.relay.backendPid()
        await admin.query('SELECT pg_terminate_backend($1)', [cut])
        // A change on B while its connection is down waits, and leaves once B is connected again.
        await within(1_000, 'B noticing the cut', async () => !b.relay.connected())
        b.events.emit('pagesChanged', { site: '6', tags: ['article:6'] })
        await within(3_000, 'B listens again', async () => b.relay.connected() && b.relay.backendPid() !== cut)
        await within(1_000, 'B purges every site', async () => remoteOnly(b.received).length >= 3)
        expect(remoteOnly(b.received)).toEqual([
          { event: 'sitesChanged', remote: true },
          { event: 'pagesChanged', change: { site: '1' }, remote: true },
          { event: 'pagesChanged', change: { site: '2' }, remote: true },
        ])
        await within(1_000, "B's queued change reaching A", async () => remoteOnly(a.received).length === 1)
        expect(remoteOnly(a.received)).toEqual([{ event: 'pagesChanged', change: { site: '6', tags: ['article:6'] }, remote: true }])
        b.received.length = 0
        a.events.emit('pagesChanged', { site: '5', tags: ['home'] })
        await within(1_000, 'a notice reaches B after the reconnection', async () => b.received.length === 1)
        expect(b.received).toEqual([{ event: 'pagesChanged', change: { site: '5', tags: ['home'] }, remote: true }])
      } finally {
        await admin.end()
        await Promise.all([a.relay.close(), b.relay.close()])
      }
    })

    it('stops relaying once closed', async () => {
      const a = relayOn()
      const b = relayOn()
      await Promise.all([a.relay.ready, b.relay.ready])
      await b.relay.close()
      expect(b.relay.connected()).toBe(false)
      a.events.emit('pagesChanged', { site: '7' })
      await sleep(300)
      expect(b.received).toEqual([])
      await a.relay.close()
    })
  })

  describe('two instances on one PostgreSQL database', () => {
    const [a, b] = [0, 1]
    let authorization: string
    let article: { id: number | string; slug: string; title: string }

    beforeAll(async () => {
      authorization = await loginAs(instances[a]!.origin, demoEmail.editor(HOABINH))
    })

    const api = (method: string, urlPath: string, body: unknown) =>
      fetch(`${instances[a]!.origin}${urlPath}`, { method, headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) })

    it("shows an article published on A on B's home page within 1 s", async () => {
      // B's home page is in its page cache before the article exists.
      await page(instances[b]!.origin, '/')
      const cached = await page(instances[b]!.origin, '/')
      const title = `Tin mới giữa hai máy chủ ${crypto.randomBytes(3).toString('hex')}`
      expect(cached.body).not.toContain(title)

      const created = await api('POST', '/api/articles', { title, site: site.id, _status: 'published', lead: 'Đăng trên máy chủ A.' })
      expect(created.status).toBe(201)
      article = ((await created.json()) as { doc: typeof article }).doc
      const took = await within(1_000, "the new article on B's home page", async () => (await page(instances[b]!.origin, '/')).body.includes(title))
      expect(took).toBeLessThanOrEqual(1_000)
      expect((await page(instances[b]!.origin, articlePath(article.slug))).status).toBe(200)
    })

    it('stops serving on B an article unpublished on A within 1 s', async () => {
      // B's article page is cached.
      expect((await page(instances[b]!.origin, articlePath(article.slug))).status).toBe(200)
      expect((await page(instances[b]!.origin, articlePath(article.slug))).status).toBe(200)

      const unpublished = await api('PATCH', `/api/articles/${article.id}`, { _status: 'draft' })
      expect(unpublished.status).toBe(200)
      await within(1_000, 'B answering 404 for the unpublished article', async () => (await page(instances[b]!.origin, articlePath(article.slug))).status === 404)
      // B's home page was purged too: served stale once while it renders again, then without the article.
      await within(1_000, "B's home page without the article", async () => !(await page(instances[b]!.origin, '/')).body.includes(article.title))
    })
  })
} else {
  describe(`no relay on ${kind}`, () => {
    it('starts none: one process owns the database', async () => {
      expect(instanceRelayOf(portal.payload)).toBeUndefined()
      expect(await startInstanceRelay(portal.payload, portal.database.url)).toBeUndefined()
      expect(instanceRelayOf(portal.payload)).toBeUndefined()
    })
  })
}

describe('"Đang online" across instances', () => {
  /** `count` distinct visitor numbers from `start`, as visitor.ts makes them (uniform 52-bit). */
  const visitors = (start: number, count: number) =>
    Array.from({ length: count }, (_, index) => Number.parseInt(crypto.hash('sha256', `reader ${start + index}`).slice(0, 13), 16))
  const sketch = (ids: number[]) => sketchOf((visit) => ids.forEach(visit))

  it('unions small sets exactly', () => {
    const a = sketch(visitors(0, 300))
    const b = sketch(visitors(200, 300))
    expect('ids' in a && 'ids' in b).toBe(true)
    expect(unionSize([a, b])).toBe(500)
    expect(unionSize([a])).toBe(300)
  })

  it('keeps large sets in a bounded sketch and unions them within a few percent', () => {
    const a = sketch(visitors(0, 30_000))
    const b = sketch(visitors(20_000, 30_000))
    const small = sketch(visitors(49_900, 200))
    expect('hll' in a && 'hll' in b).toBe(true)
    expect(JSON.stringify(a).length).toBeLessThan(6_000)
    for (const [sketches, truth] of [
      [[a], 30_000],
      [[a, b], 50_000],
      [[a, b, small], 50_100],
    ] as const) {
      expect(Math.abs(unionSize([...sketches]) - truth) / truth).toBeLessThan(0.05)
    }
  })

  it('counts readers of both instances once each, on both', async () => {
    const onlineOn = async (origin: string) => {
      const answer = await httpGet(origin, VISIT_STATS_PATH, { host: HOST })
      return (JSON.parse(answer.body) as { online: number }).online
    }
    const before = await Promise.all(instances.map((instance) => onlineOn(instance.origin)))
    expect(before).toEqual([0, 0])
    // Readers 0–29 read on A, 20–49 on B: 50 readers, 10 of them on both.
    for (let reader = 0; reader < 30; reader++) expect((await page(instances[0]!.origin, '/', reader)).status).toBe(200)
    for (let reader = 20; reader < 50; reader++) expect((await page(instances[1]!.origin, '/', reader)).status).toBe(200)
    // Each instance shares its readers every 5 s and reads the other's at most every 5 s.
    let seen: number[] = []
    await within(20_000, 'both instances counting 50 readers', async () => {
      seen = await Promise.all(instances.map((instance) => onlineOn(instance.origin)))
      return seen.every((online) => online === 50)
    }).catch((error: Error) => {
      throw new Error(`${error.message}; last counts ${seen.join(', ')}`)
    })
  }, 60_000)
})
