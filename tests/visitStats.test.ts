import http from 'node:http'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'
import type { VisitStats } from '../src/stats/visitStats.ts'

import { createCounterStore } from '../src/stats/counterStore.ts'
import { createVisitRecorder } from '../src/stats/recorder.ts'
import { summarizeVisits } from '../src/stats/visitStats.ts'
import { visitStats } from '../src/stats/visitStats.ts'
import { vietnamDay } from '../src/stats/calendar.ts'
import { loginCookie } from './helpers/api.ts'
import { createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { listen } from './helpers/listen.ts'
import { BROWSER_UA, httpGet, inParallel, readerAddress } from './helpers/load.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site
let stats: VisitStats
let articles: Article[]
let server: Awaited<ReturnType<typeof listen>>

const ARTICLES = 50
const VIEWS = 10_000

beforeAll(async () => {
  // The reverse proxy in front is on 127.0.0.1; a connection from any other address is a stranger's.
  portal = await bootPortal({ seed: true, env: { TRUST_PROXY: '127.0.0.1' } })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  stats = await visitStats(portal.payload)
  articles = []
  for (let index = 0; index < ARTICLES; index++) {
    articles.push(await createArticle(portal.payload, { title: `Bài đếm lượt xem số ${index + 1}`, site: hoabinh.id, _status: 'published' }))
  }
  server = await listen(portal.app)
})
afterAll(async () => {
  await server?.close()
  await portal?.close()
})

const view = (path: string, index: number, headers: Record<string, string> = {}) =>
  httpGet(server.origin, path, { host: 'localhost', 'user-agent': BROWSER_UA, 'x-forwarded-for': readerAddress(index), ...headers }).then((res) => res.status)

const siteTotal = (site: Site) => stats.store.siteVisits(site.id)
const articleTotal = (article: Article) => stats.store.articleViews(article.id)

describe('counting page views', () => {
  it(`counts ${VIEWS.toLocaleString('en')} concurrent views over ${ARTICLES} articles exactly, cached pages included; bots add 0`, async () => {
    await stats.recorder.flush()
    const before = await siteTotal(hoabinh)
    const statuses = await inParallel(VIEWS, 100, (index) => view(`/bai-viet/${articles[index % ARTICLES]!.slug}`, index))
    const bots = await inParallel(500, 50, (index) =>
      view(`/bai-viet/${articles[index % ARTICLES]!.slug}`, index, { 'user-agent': index % 2 ? 'Googlebot/2.1 (+http://www.google.com/bot.html)' : 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' }),
    )
    expect(statuses.filter((status) => status !== 200)).toEqual([])
    expect(bots.filter((status) => status !== 200)).toEqual([])
    await stats.recorder.flush()

    expect(await siteTotal(hoabinh)).toBe(before + VIEWS)
    const perArticle = await Promise.all(articles.map(articleTotal))
    expect(perArticle).toEqual(articles.map(() => VIEWS / ARTICLES))
    // 10,500 requests through the full server: on a loaded two-core CI machine this takes minutes.
  }, 240_000)

  it('counts a reader once per article in 30 minutes, and every page for the site', async () => {
    const article = articles[0]!
    const [siteBefore, articleBefore] = [await siteTotal(hoabinh), await articleTotal(article)]
    for (let time = 0; time < 3; time++) expect(await view(`/bai-viet/${article.slug}`, 900_001)).toBe(200)
    await stats.recorder.flush()
    expect(await articleTotal(article)).toBe(articleBefore + 1)
    expect(await siteTotal(hoabinh)).toBe(siteBefore + 3)
  })

  it('does not count HEAD, prefetch, signed-in staff, feeds, missing pages or requests without a browser', async () => {
    const article = articles[1]!
    const [siteBefore, articleBefore] = [await siteTotal(hoabinh), await articleTotal(article)]
    const path = `/bai-viet/${article.slug}`
    expect((await request(portal.app).head(path).set('Host', 'localhost').set('User-Agent', BROWSER_UA)).status).toBe(200)
    expect(await view(path, 900_010, { purpose: 'prefetch' })).toBe(200)
    expect(await view(path, 900_011, { 'sec-purpose': 'prefetch;prerender' })).toBe(200)
    expect(await view(path, 900_012, { cookie: 'payload-token=not-a-real-session' })).toBe(200)
    expect(await view('/rss.xml', 900_013)).toBe(200)
    expect(await view('/bai-viet/khong-co-bai-nay', 900_014)).toBe(404)
    const anonymous = await httpGet(server.origin, path, { host: 'localhost' })
    expect(anonymous.status).toBe(200)
    await stats.recorder.flush()
    expect(await articleTotal(article)).toBe(articleBefore)
    expect(await siteTotal(hoabinh)).toBe(siteBefore)
  })

  it('counts "Đang online" as distinct readers of the last 5 minutes', async () => {
    const before = stats.recorder.onlineNow(kontum.id)
    await httpGet(server.origin, '/', { host: '127.0.0.1', 'user-agent': BROWSER_UA, 'x-forwarded-for': '10.200.0.1' })
    for (let time = 0; time < 2; time++) await httpGet(server.origin, '/', { host: '127.0.0.1', 'user-agent': BROWSER_UA, 'x-forwarded-for': '10.200.0.2' })
    expect(stats.recorder.onlineNow(kontum.id)).toBe(before + 2)
  })

  it('takes X-Forwarded-For from the trusted proxy only: a stranger varying it stays one reader', async () => {
    const article = await createArticle(portal.payload, { title: 'Bài đọc qua proxy và đọc thẳng', site: hoabinh.id, _status: 'published' })
    /** Five views over one kept-alive connection from `localAddress`, each claiming another reader. */
    const fiveViewsFrom = async (localAddress: string, claimed: (index: number) => string) => {
      const connection = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress })
      for (let index = 0; index < 5; index++) {
        const res = await httpGet(server.origin, `/bai-viet/${article.slug}`, { host: 'localhost', 'user-agent': BROWSER_UA, 'x-forwarded-for': claimed(index) }, connection)
        expect(res.status).toBe(200)
      }
      connection.destroy()
      await stats.recorder.flush()
    }
    const online = stats.recorder.onlineNow(hoabinh.id)
    await fiveViewsFrom('127.0.0.2', (index) => `198.51.100.${index + 1}`)
    expect(await articleTotal(article)).toBe(1)
    expect(stats.recorder.onlineNow(hoabinh.id)).toBe(online + 1)
    await fiveViewsFrom('127.0.0.1', (index) => `203.0.113.${index + 1}`)
    expect(await articleTotal(article)).toBe(1 + 5)
    expect(stats.recorder.onlineNow(hoabinh.id)).toBe(online + 1 + 5)
  })
})

describe('the statistics box and "Lượt xem"', () => {
  it('shows today, yesterday, month, year, online and the total with the starting offset, in vi-VN numbers', async () => {
    await portal.payload.update({ collection: 'sites', id: hoabinh.id, data: { visitsOffset: 45_038_767 } })
    hoabinh = await findSite(portal.payload, HOABINH.key)
    await stats.recorder.flush()
    const counted = await siteTotal(hoabinh)
    const res = await request(portal.app).get('/thong-ke-truy-cap.json').set('Host', 'localhost')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=10')
    expect(res.body.total).toBe(45_038_767 + counted)
    expect(res.body.today).toBe(counted)

    const home = await request(portal.app).get('/').set('Host', 'localhost')
    expect(home.text).toContain('Thống kê truy cập')
    for (const label of ['Hôm nay', 'Hôm qua', 'Tháng ', 'Năm ', 'Đang online', 'Tổng']) expect(home.text).toContain(label)
    const total = /data-stat="total">([\d.]+)</.exec(home.text)?.[1]
    expect(total).toMatch(/^45\.0\d\d\.\d{3}$/)
    expect(Number(total!.replaceAll('.', ''))).toBeGreaterThanOrEqual(45_038_767 + counted)
  })

  it('shows counted views on the article page ("Lượt xem")', async () => {
    const article = articles[7]!
    const fresh = await createArticle(portal.payload, { title: 'Bài mới để xem lượt xem', site: hoabinh.id, _status: 'published' })
    for (let index = 0; index < 3; index++) await view(`/bai-viet/${fresh.slug}?lan=${index}`, 910_000 + index)
    await stats.recorder.flush()
    // The page came from the cache (rendered at the first view, with 0): the number is filled in live.
    const page = await request(portal.app).get(`/bai-viet/${fresh.slug}`).set('Host', 'localhost')
    expect(page.headers['x-cache']).toBe('HIT')
    expect(page.text).toContain(`data-views-source="/bai-viet/${fresh.slug}/luot-xem"`)
    const live = await request(portal.app).get(`/bai-viet/${fresh.slug}/luot-xem`).set('Host', 'localhost')
    expect(live.body).toEqual({ views: 3 })
    expect(await articleTotal(article)).toBe(VIEWS / ARTICLES)
  })
})

describe('counter store on this database', () => {
  it('adds concurrent increments of the same buckets without losing any', async () => {
    const store = await createCounterStore(portal.payload)
    const day = '2023-03-15'
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        store.increment([
          { site: kontum.id, day, count: 1 + (index % 3) },
          { site: kontum.id, article: articles[0]!.id, day, count: 2 },
        ]),
      ),
    )
    const expected = Array.from({ length: 40 }, (_, index) => 1 + (index % 3)).reduce((a, b) => a + b, 0)
    expect(await store.siteVisits(kontum.id, { from: day, to: day })).toBe(expected)
    const top = await store.topArticles(kontum.id, { from: day, to: day }, 5)
    expect(top).toEqual([{ article: articles[0]!.id, count: 80 }])
    expect(await store.siteDaily(kontum.id, { from: '2023-03-01', to: '2023-03-31' })).toEqual([{ day, count: expected }])
  })
})

describe('days, months and years in the Asia/Ho_Chi_Minh calendar', () => {
  it('moves today, yesterday, month and year at 00:00 UTC+7, including month and year ends', async () => {
    const store = await createCounterStore(portal.payload)
    // A site of its own, so other tests' views do not mix in.
    const site = await portal.payload.create({
      collection: 'sites',
      data: { name: 'Trang thử lịch', key: 'thu-lich', agency: 'Thử', hosts: [{ host: 'thu-lich.localhost' }], visitsOffset: 1000 },
    })
    let now = new Date('2024-12-31T16:59:00Z') // 23:59 on 31/12/2024 in Vietnam
    const recorder = createVisitRecorder({ payload: portal.payload, store, clock: () => now, flushIntervalMs: 60_000 })
    const viewAt = async (iso: string, views: number) => {
      now = new Date(iso)
      for (let index = 0; index < views; index++) recorder.record({ site: site.id, visitor: index })
      await recorder.flush()
    }
    const summaryAt = (iso: string) => summarizeVisits(store, { count: async (id) => recorder.onlineNow(id) }, site, new Date(iso))

    await viewAt('2024-12-31T16:59:00Z', 3)
    expect(await summaryAt('2024-12-31T16:59:59Z')).toMatchObject({ today: 3, yesterday: 0, month: 3, monthLabel: '12', year: 3, yearLabel: '2024', total: 1003 })

    await viewAt('2024-12-31T17:00:00Z', 2) // 00:00 on 01/01/2025
    expect(await summaryAt('2024-12-31T17:00:01Z')).toMatchObject({ today: 2, yesterday: 3, month: 2, monthLabel: '01', year: 2, yearLabel: '2025', total: 1005 })

    // 06:59 on 01/01 in Vietnam is 23:59 UTC on 31/12: still the same Vietnamese day.
    await viewAt('2024-12-31T23:59:00Z', 4)
    expect(await summaryAt('2025-01-01T00:00:30Z')).toMatchObject({ today: 6, yesterday: 3, month: 6, year: 6, total: 1009 })

    // End of January → February.
    await viewAt('2025-01-31T16:59:59Z', 5)
    expect(await summaryAt('2025-01-31T16:59:59Z')).toMatchObject({ today: 5, yesterday: 0, month: 11, monthLabel: '01', year: 11 })
    expect(await summaryAt('2025-01-31T17:00:00Z')).toMatchObject({ today: 0, yesterday: 5, month: 0, monthLabel: '02', year: 11, total: 1014 })
    await recorder.stop()
  })
})

describe('the admin dashboard', () => {
  const dashboard = async (email: string) => {
    const page = await request(portal.app).get('/admin').set('Cookie', await loginCookie(portal.app, email)).set('Sec-Fetch-Site', 'same-origin')
    expect(page.status).toBe(200)
    const start = page.text.indexOf('visits-dashboard')
    expect(start, 'dashboard section').toBeGreaterThan(0)
    return page.text.slice(start)
  }

  it("draws daily visits and the week's and month's most read articles, for the user's sites only", async () => {
    const store = await createCounterStore(portal.payload)
    await store.increment([{ site: kontum.id, day: vietnamDay(new Date()), count: 5 }])
    const editorView = await dashboard(demoEmail.editor(HOABINH))
    expect(editorView).toContain('Thống kê truy cập')
    expect(editorView).toContain(HOABINH.name)
    expect(editorView).not.toContain(KONTUM.name)
    expect(editorView).toContain('30 ngày gần nhất')
    expect(editorView).toContain('365 ngày gần nhất')
    expect(editorView.match(/class="visits-bar"/g)?.length).toBe(30)
    expect(editorView).toContain('class="visits-line"')
    expect(editorView).toContain('Đọc nhiều trong tuần')
    expect(editorView).toContain('Bài đếm lượt xem số')
    expect(editorView).toMatch(/Bài đếm lượt xem số \d+<\/a>(<!-- -->)? — (<!-- -->)?\d+(<!-- -->)? lượt xem/)

    const adminView = await dashboard(demoEmail.admin)
    expect(adminView).toContain(HOABINH.name)
    expect(adminView).toContain(KONTUM.name)
  })
})
