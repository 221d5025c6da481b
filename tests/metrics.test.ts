import type { Server } from 'node:http'

import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { requestLogFields, withRequestId } from '../src/ops/observe/requestContext.ts'
import { ROUTES, articlePath, HOME_PATH } from '../src/site/paths.ts'
import { visitStats } from '../src/stats/visitStats.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'
import { findSite, HOABINH } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { READER_AGENT } from './helpers/portalProcess.ts'

const TOKEN = 'metrics-token-for-the-test-0123456789'
const PUBLIC_CLIENT = '203.0.113.5'

let portal: Portal
let listening: Listening | undefined
let server: Server
let articleSlug: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { METRICS_TOKEN: TOKEN } })
  listening = await listen(portal.listener)
  server = listening.server
  const article = await portal.payload.find({ collection: 'articles', overrideAccess: false, limit: 1, depth: 0 })
  articleSlug = article.docs[0]!.slug!
})

afterAll(async () => {
  await listening?.close()
  await portal?.close()
})

const host = HOABINH.hosts[0]!

async function scrape(): Promise<{ families: MetricFamily[]; text: string }> {
  const res = await request(server).get('/metrics')
  expect(res.status).toBe(200)
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
  return { families: parsePrometheusTextFormat(res.text), text: res.text }
}

const family = (families: MetricFamily[], name: string) => {
  const found = families.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`metric ${name} missing`)
  return found
}

describe('/metrics', () => {
  it('counts requests by route pattern and status, their latency and the page cache, in Prometheus text', async () => {
    expect((await request(server).get(HOME_PATH).set('Host', host)).headers['x-cache']).toBe('MISS')
    expect((await request(server).get(HOME_PATH).set('Host', host)).headers['x-cache']).toBe('HIT')
    expect((await request(server).get(articlePath(articleSlug)).set('Host', host)).status).toBe(200)
    expect((await request(server).get(articlePath('khong-co-bai-nay')).set('Host', host)).status).toBe(404)
    expect((await request(server).get('/assets/khong-co-tep-nay.css').set('Host', host)).status).toBe(404)

    const { families, text } = await scrape()
    const requests = family(families, 'congtin_http_requests_total')
    expect(requests.type).toBe('COUNTER')
    const count = (route: string, status: string) => Number(requests.metrics.find((m) => m.labels?.route === route && m.labels?.status === status && m.labels?.method === 'GET')?.value ?? 0)
    expect(count(ROUTES.article, '200')).toBe(1)
    expect(count(ROUTES.article, '404')).toBe(1)
    expect(count('page-cache', '200')).toBe(1)
    expect(count('/assets', '404')).toBe(1)
    expect(family(families, 'congtin_http_request_duration_seconds').type).toBe('HISTOGRAM')
    // The parser drops a histogram's labels; its sample lines say the count per route.
    expect(text).toContain(`congtin_http_request_duration_seconds_count{method="GET",route="${ROUTES.article}"} 2\n`)

    const cache = family(families, 'congtin_page_cache_requests_total').metrics
    expect(Number(cache.find((m) => m.labels?.result === 'HIT')?.value)).toBe(1)
    expect(Number(cache.find((m) => m.labels?.result === 'MISS')?.value)).toBeGreaterThanOrEqual(2)
    expect(Number(family(families, 'congtin_page_cache_bytes').metrics[0]!.value)).toBeGreaterThan(0)
    expect(Number(family(families, 'process_resident_memory_bytes').metrics[0]!.value)).toBeGreaterThan(0)
    expect(family(families, 'congtin_job_queue_length').metrics[0]!.value).toMatch(/^\d+$/)
    expect(Number(family(families, 'congtin_visit_counter_flush_lag_seconds').metrics[0]!.value)).toBeGreaterThanOrEqual(0)
  })

  it('times database operations by operation and collection', async () => {
    const site = await findSite(portal.payload, HOABINH.key)
    const unseen = await portal.payload.find({ collection: 'articles', where: { and: [{ site: { equals: site.id } }, { slug: { not_equals: articleSlug } }] }, overrideAccess: false, limit: 1, depth: 0 })
    // The parser drops a histogram's labels; its sample lines say the count and time per operation and collection.
    const sample = (text: string, part: 'count' | 'sum', operation: string, collection: string) =>
      Number(new RegExp(`^congtin_db_operation_duration_seconds_${part}\\{operation="${operation}",collection="${collection}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0)
    const before = sample((await scrape()).text, 'count', 'find', 'articles')

    // Views of an article not viewed before: writing their counts looks the article up by its slug.
    for (let view = 0; view < 3; view++) expect((await request(server).get(articlePath(unseen.docs[0]!.slug!)).set('Host', host).set('User-Agent', READER_AGENT)).status).toBe(200)
    await (await visitStats(portal.payload)).recorder.flush()

    const { families, text } = await scrape()
    expect(family(families, 'congtin_db_operation_duration_seconds').type).toBe('HISTOGRAM')
    expect(sample(text, 'count', 'find', 'articles')).toBeGreaterThan(before)
    expect(sample(text, 'sum', 'find', 'articles')).toBeGreaterThan(0)
  })

  it('is refused to a client that is not on this machine, unless it sends the token', async () => {
    const refused = await request(server).get('/metrics').set('X-Forwarded-For', PUBLIC_CLIENT)
    expect(refused.status).toBe(403)
    expect(refused.text).not.toContain('congtin_')
    expect((await request(server).get('/metrics').set('X-Forwarded-For', PUBLIC_CLIENT).set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(403)
    const withToken = await request(server).get('/metrics').set('X-Forwarded-For', PUBLIC_CLIENT).set('Authorization', `Bearer ${TOKEN}`)
    expect(withToken.status).toBe(200)
    expect(withToken.text).toContain('congtin_http_requests_total')
  })
})

describe('/readyz', () => {
  it('says ready when every committed migration is applied and the database answers', async () => {
    const res = await request(server).get('/readyz')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ready')
    const applied = await portal.payload.count({ collection: 'payload-migrations', overrideAccess: true })
    expect(res.body.migrations).toBe(applied.totalDocs)
  })

  it('says not ready, with the missing migration, when one is not applied', async () => {
    const latest = await portal.payload.find({ collection: 'payload-migrations', sort: '-createdAt', limit: 1, overrideAccess: true })
    const { id, name, batch } = latest.docs[0]!
    await portal.payload.delete({ collection: 'payload-migrations', id, overrideAccess: true })
    try {
      const res = await request(server).get('/readyz')
      expect(res.status).toBe(503)
      expect(res.body.missingMigrations).toEqual([name])
    } finally {
      await portal.payload.create({ collection: 'payload-migrations', data: { name, batch }, overrideAccess: true })
    }
  })
})

describe('request ids and access lines', () => {
  it('writes one access line per request with its id and route pattern, never the address or the query', async () => {
    const info = vi.spyOn(portal.payload.logger, 'info')
    try {
      const res = await request(server).get(`${articlePath(articleSlug)}?token=secret-in-query`).set('Host', host).set('X-Forwarded-For', PUBLIC_CLIENT)
      const reqId = res.headers['x-request-id']
      expect(reqId).toMatch(/^[0-9a-f-]{36}$/)
      const lines = info.mock.calls.map(([line]) => line as Record<string, unknown>).filter((line) => line.msg === 'request')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatchObject({ reqId, method: 'GET', route: ROUTES.article, status: 200 })
      expect(lines[0]!.cache).toMatch(/^(HIT|MISS|STALE|BYPASS)$/)
      expect(typeof lines[0]!.ms).toBe('number')
      expect(JSON.stringify(lines)).not.toMatch(/secret-in-query|203\.0\.113\.5|127\.0\.0\.1/)
    } finally {
      info.mockRestore()
    }
  })

  it('gives a page answered from the page cache its id and access line too', async () => {
    const path = articlePath(articleSlug)
    await request(server).get(path).set('Host', host)
    const info = vi.spyOn(portal.payload.logger, 'info')
    try {
      const hit = await request(server).get(path).set('Host', host).set('X-Request-Id', 'hit-id-12345678')
      expect(hit.headers['x-cache']).toBe('HIT')
      expect(hit.headers['x-request-id']).toBe('hit-id-12345678')
      // Once, not twice: the stored headers and the id are written together.
      expect(hit.headers['x-cache']).not.toContain(',')
      const lines = info.mock.calls.map(([line]) => line as Record<string, unknown>).filter((line) => line.msg === 'request')
      expect(lines).toEqual([expect.objectContaining({ reqId: 'hit-id-12345678', route: 'page-cache', status: 200, cache: 'HIT' })])
    } finally {
      info.mockRestore()
    }
  })

  it('keeps a sane incoming request id, replaces anything else, and differs between requests', async () => {
    expect((await request(server).get('/healthz').set('X-Request-Id', 'proxy-id-12345678')).headers['x-request-id']).toBe('proxy-id-12345678')
    const odd = (await request(server).get('/healthz').set('X-Request-Id', 'a b<script>')).headers['x-request-id']
    expect(odd).toMatch(/^[0-9a-f-]{36}$/)
    const other = (await request(server).get('/healthz')).headers['x-request-id']
    expect(other).not.toBe(odd)
  })

  it("puts the request's id on every log line written while it is handled", async () => {
    expect(requestLogFields()).toEqual({})
    await withRequestId('id-of-this-request', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(requestLogFields()).toEqual({ reqId: 'id-of-this-request' })
    })
  })
})
