import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { PUBLIC_CACHE_CONTROL } from '../src/site/cache/pageCache.ts'
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
    expect(second.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
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

  it('gives a made-up session cookie the cached public page, and verified staff a private one', async () => {
    await get('/')
    const fake = await get('/').set('Cookie', 'payload-token=abc')
    expect(fake.headers['x-cache']).toBe('HIT')
    expect(fake.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const staff = await get('/').set('Cookie', `payload-token=${editor.replace(/^JWT /, '')}`)
    expect(staff.headers['x-cache']).toBe('BYPASS')
    expect(staff.headers['cache-control']).toBe('private, no-store')
  })

  it('does not cache errors', async () => {
    await get('/bai-viet/chua-co-bai-nay')
    const again = await get('/bai-viet/chua-co-bai-nay')
    expect(again.status).toBe(404)
    expect(again.headers['x-cache']).toBe('MISS')
  })
})
