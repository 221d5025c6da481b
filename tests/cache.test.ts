import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createPageCache } from '../src/site/cache/pageCache.ts'
import { paragraphsToLexical } from '../src/lib/lexical.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

const get = (path: string, host = 'localhost') => request(portal.app).get(path).set('Host', host)

describe('whole-page cache', () => {
  it('serves the second request from the cache with the same ETag, and 304 on revalidation', async () => {
    const first = await get('/chuyen-muc/thong-bao')
    const second = await get('/chuyen-muc/thong-bao')
    expect(first.headers['x-cache']).toBe('MISS')
    expect(second.headers['x-cache']).toBe('HIT')
    expect(second.headers.etag).toBe(first.headers.etag)
    expect(second.text).toBe(first.text)
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    // A hit carries the same security headers as the page it was rendered as.
    for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'content-type']) {
      expect(second.headers[header]).toBe(first.headers[header])
    }
    expect(Number(second.headers['content-length'])).toBe(Buffer.byteLength(first.text))
    const revalidated = await get('/chuyen-muc/thong-bao').set('If-None-Match', first.headers.etag!)
    expect(revalidated.status).toBe(304)
    expect(revalidated.text).toBe('')
  })

  it('keeps sites apart: the same path on another host is another page', async () => {
    const hoabinhHome = await get('/')
    const kontumHome = await get('/', '127.0.0.1')
    expect(kontumHome.text).toContain(KONTUM.name)
    expect(hoabinhHome.text).not.toBe(kontumHome.text)
  })

  it('shows a newly published article on the home page at once, and drops it when unpublished', async () => {
    await get('/')
    expect((await get('/')).headers['x-cache']).toBe('HIT')
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const created = await request(portal.app)
      .post('/api/articles')
      .set('Authorization', editor)
      .send({ title: 'Tin nóng vừa đăng', site: hoabinh.id, body: paragraphsToLexical(['Nội dung.']), _status: 'published' })
    expect(created.status).toBe(201)
    const started = Date.now()
    const home = await get('/')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(home.headers['x-cache']).toBe('MISS')
    expect(home.text).toContain('Tin nóng vừa đăng')
    expect((await get('/rss.xml')).text).toContain('Tin nóng vừa đăng')
    expect((await get('/sitemap.xml')).text).toContain('tin-nong-vua-dang')

    const unpublished = await request(portal.app)
      .patch(`/api/articles/${created.body.doc.id}`)
      .set('Authorization', editor)
      .send({ _status: 'draft' })
    expect(unpublished.status).toBe(200)
    expect((await get('/')).text).not.toContain('Tin nóng vừa đăng')
    expect((await get('/bai-viet/tin-nong-vua-dang')).status).toBe(404)
  })

  it('serves a link with tracking parameters (Facebook, Zalo, newsletters) from the same cached page', async () => {
    const plain = await get('/chuyen-muc/tin-tuc')
    const shared = await get('/chuyen-muc/tin-tuc?fbclid=IwAR0abc&utm_source=zalo&zarsrc=30')
    expect(shared.headers['x-cache']).toBe('HIT')
    expect(shared.headers.etag).toBe(plain.headers.etag)
    // Parameters the page reads still make another page.
    expect((await get('/chuyen-muc/tin-tuc?trang=1&utm_medium=email')).headers['x-cache']).toBe('MISS')
  })

  it('shows a new notice in the sidebar of the next page rendered', async () => {
    const before = await get('/tim-kiem?q=thong+bao+moi')
    expect(before.text).not.toContain('Thông báo lịch tiếp công dân tháng 12')
    await portal.payload.create({
      collection: 'notices',
      data: { title: 'Thông báo lịch tiếp công dân tháng 12', slug: 'lich-tiep-cong-dan-thang-12', site: hoabinh.id, publishedAt: new Date(Date.now() - 60_000).toISOString() },
    })
    const after = await get('/tim-kiem?q=thong+bao+moi')
    expect(after.headers['x-cache']).toBe('MISS')
    expect(after.text).toContain('Thông báo lịch tiếp công dân tháng 12')
  })

  it('never caches pages for signed-in staff', async () => {
    const res = await get('/').set('Cookie', 'payload-token=abc')
    expect(res.headers['cache-control']).toBe('private, no-store')
    expect(res.headers['x-cache']).toBeUndefined()
  })

  it('does not cache errors', async () => {
    await get('/bai-viet/chua-co-bai-nay')
    const again = await get('/bai-viet/chua-co-bai-nay')
    expect(again.status).toBe(404)
    expect(again.headers['x-cache']).toBe('MISS')
  })
})

describe('page cache store', () => {
  it('keeps nothing when its size is 0 (PAGE_CACHE_ENTRIES=0)', () => {
    const cache = createPageCache({ maxEntries: 0 })
    cache.set('1 /', { status: 200, etag: 'W/"x"', site: '1', storedAt: Date.now(), encoded: { body: Buffer.from('x'), headers: {} } })
    expect([cache.size(), cache.get('1 /')]).toEqual([0, undefined])
  })

  it('evicts the least recently used page beyond its size and expires pages after the TTL', () => {
    let now = 0
    const cache = createPageCache({ maxEntries: 2, ttlMs: 1000, now: () => now })
    const page = (site: string) => ({ status: 200, etag: 'x', site, storedAt: now, encoded: { body: Buffer.from(site), headers: {} } })
    cache.set('a', page('1'))
    cache.set('b', page('1'))
    cache.get('a')
    cache.set('c', page('2'))
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.encoded.body.toString()).toBe('1')
    cache.purgeSite('2')
    expect(cache.get('c')).toBeUndefined()
    now = 2000
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size()).toBe(0)
  })
})
