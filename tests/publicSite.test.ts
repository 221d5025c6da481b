import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
})
afterAll(async () => {
  await portal?.close()
})

describe('sites by host name', () => {
  it('serves the first demo site on its host, with its own footer lines and articles', async () => {
    const res = await request(portal.app).get('/').set('Host', 'localhost:3000')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.text).toContain(`<title>${HOABINH.name}</title>`)
    expect(res.text).toContain(HOABINH.licence)
    expect(res.text).toContain(`Cơ quan chủ quản: ${HOABINH.governingBody}`)
    expect(res.text).toContain(HOABINH.email)
    expect(res.text).toContain('Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm')
    expect(res.text).not.toContain(KONTUM.name)
    expect(res.text).not.toContain('Hội nghị sơ kết công tác thi đua khen thưởng 6 tháng đầu năm')
  })

  it('serves the second demo site on its own host', async () => {
    const res = await request(portal.app).get('/').set('Host', '127.0.0.1:3000')
    expect(res.status).toBe(200)
    expect(res.text).toContain(`<title>${KONTUM.name}</title>`)
    expect(res.text).toContain(KONTUM.licence)
    expect(res.text).toContain('Hội nghị sơ kết công tác thi đua khen thưởng 6 tháng đầu năm')
    expect(res.text).not.toContain(HOABINH.agency)
  })

  it('marks the page’s own category in the menu, and shows a changed footer line at once', async () => {
    const get = (path: string) => request(portal.app).get(path).set('Host', 'localhost:3000')
    const site = await findSite(portal.payload, HOABINH.key)
    const { docs } = await portal.payload.find({ collection: 'categories', where: { and: [{ site: { equals: site.id } }, { parent: { exists: false } }] }, limit: 2, depth: 0 })
    const [first, second] = docs.map((category) => `/chuyen-muc/${category.slug}`)
    const marked = (html: string) => [...html.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map((match) => match[1])
    expect(marked((await get(first!)).text)).toEqual([first])
    expect(marked((await get(second!)).text)).toEqual([second])
    expect(marked((await get('/')).text)).toEqual([])
    expect(marked((await get(first!)).text)).toEqual([first])

    await portal.payload.update({ collection: 'sites', id: site.id, data: { editorInChief: 'Trần Thị Mới' } })
    try {
      expect((await freshPage(() => get('/van-ban'))).text).toContain('Chịu trách nhiệm chính: Trần Thị Mới')
    } finally {
      await portal.payload.update({ collection: 'sites', id: site.id, data: { editorInChief: site.editorInChief } })
    }
    expect((await freshPage(() => get('/van-ban'))).text).not.toContain('Trần Thị Mới')
  })

  it('recognises every host name of a site, case-insensitively', async () => {
    const res = await request(portal.app).get('/').set('Host', 'KONTUM.localhost')
    expect(res.status).toBe(200)
    expect(res.text).toContain(KONTUM.name)
  })

  it('answers 404 in Vietnamese for a host this installation does not serve', async () => {
    const res = await request(portal.app).get('/').set('Host', 'example.org')
    expect(res.status).toBe(404)
    expect(res.text).toContain('Tên miền này chưa được cấu hình')
  })
})

describe('articles and errors', () => {
  it('renders a published article with its Vietnamese date, views, byline and source', async () => {
    const res = await request(portal.app)
      .get('/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam')
      .set('Host', 'localhost')
    expect(res.status).toBe(200)
    expect(res.text).toContain('Thứ Tư, 29/07/2020')
    expect(res.text).toContain('Ngày đăng: 29/07/2020 16:30')
    expect(res.text.replace(/<[^>]+>/g, '')).toContain('Lượt xem: 333')
    expect(res.text).toContain('Đoàn Hương - TTCNTT')
    expect(res.text).toContain('Nguồn: Ban Biên tập')
  })

  it('does not show an article of another site', async () => {
    const res = await request(portal.app)
      .get('/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam')
      .set('Host', '127.0.0.1')
    expect(res.status).toBe(404)
  })

  it('never shows a draft to the public', async () => {
    const res = await request(portal.app).get('/bai-viet/du-thao-ke-hoach-tong-ket-cong-tac-nam').set('Host', 'localhost')
    expect(res.status).toBe(404)
    expect(res.text).toContain('Không tìm thấy trang')
    const home = await request(portal.app).get('/').set('Host', 'localhost')
    expect(home.text).not.toContain('Dự thảo: Kế hoạch tổng kết')
  })

  it('answers bad input with a 4xx Vietnamese page, never a stack trace', async () => {
    for (const path of ['/bai-viet/%E0%A4%A', '/bai-viet/..%2F..%2Fetc', '/khong-co-trang-nay', '/bai-viet/' + 'a'.repeat(5000)]) {
      const res = await request(portal.app).get(path).set('Host', 'localhost')
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(res.status, path).toBeLessThan(500)
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/)
      expect(res.headers['content-type']).toMatch(/text\/html/)
    }
  })

  it('sends security headers on public pages', async () => {
    const res = await request(portal.app).get('/').set('Host', 'localhost')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-powered-by']).toBeUndefined()
  })
})

describe('server errors', () => {
  it('answers an unexpected failure with a Vietnamese 500 page and no details', async () => {
    const { createApp } = await import('../src/server/createApp.ts')
    const failing = createApp({
      payload: portal.payload,
      handleNext: async () => {},
      sidebarWidgets: [{ key: 'broken', render: async () => { throw new Error('secret internal detail at /srv/app.ts:12') } }],
    })
    const res = await request(failing).get('/').set('Host', 'localhost')
    expect(res.status).toBe(500)
    expect(res.text).toContain('Đã có lỗi xảy ra')
    expect(res.text).not.toContain('secret internal detail')
    expect(res.headers['cache-control']).toBe('no-store')
  })
})

describe('health and admin', () => {
  it('reports a healthy database on /healthz', async () => {
    const res = await request(portal.app).get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', sites: 2 })
  })

  it('shows the admin login in Vietnamese by default', async () => {
    const res = await request(portal.app).get('/admin/login').set('Accept-Language', 'en-US,en;q=0.9')
    expect(res.status).toBe(200)
    expect(res.text).toContain('lang="vi"')
    expect(res.text).toContain('Đăng nhập')
  })

  it('shows the admin in English for a user who chose English', async () => {
    const res = await request(portal.app).get('/admin/login').set('Cookie', 'payload-lng=en')
    expect(res.status).toBe(200)
    expect(res.text).toContain('lang="en"')
  })

  it('logs the demo administrator in through the REST API', async () => {
    const res = await request(portal.app)
      .post('/api/users/login')
      .send({ email: 'admin@congtin.local', password: 'CongTin@2026' })
    expect(res.status).toBe(200)
    expect(res.body.user.role).toBe('admin')
    expect(res.headers['set-cookie']?.[0]).toMatch(/payload-token=/)
  })
})
