import { createLocalReq } from 'payload'
import { prerenderToNodeStream } from 'react-dom/static'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { CollectionCards } from '../src/admin/collectionCards/CollectionCards.tsx'
import { Desk } from '../src/admin/desk/Desk.tsx'
import { mostReadToday, myArticles, recentlyPublished, scheduledArticles, waitingForReview } from '../src/admin/desk/queries.ts'
import { vietnamDay } from '../src/stats/calendar.ts'
import { createCounterStore } from '../src/stats/counterStore.ts'
import { loginAs } from './helpers/api.ts'
import { createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site
const staff: Record<'editorA' | 'reporterA' | 'editorB' | 'reporterB', User> = {} as never
const tokens: Record<keyof typeof staff, string> = {} as never
const created: Record<string, Article> = {}

const api = () => request(portal.app)

/** Writes an article as a reporter through REST and, when asked, sends it for review. */
async function reporterArticle(who: 'reporterA' | 'reporterB', site: Site, title: string, submit: boolean): Promise<Article> {
  const res = await api().post('/api/articles?draft=true').set('Authorization', tokens[who]).send({ title, site: site.id, _status: 'draft' })
  expect(res.status).toBe(201)
  if (submit) expect((await api().patch(`/api/articles/${res.body.doc.id}?draft=true`).set('Authorization', tokens[who]).send({ reviewState: 'submitted' })).status).toBe(200)
  return res.body.doc
}

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  const emails = { editorA: demoEmail.editor(HOABINH), reporterA: demoEmail.reporter(HOABINH), editorB: demoEmail.editor(KONTUM), reporterB: demoEmail.reporter(KONTUM) }
  for (const [key, email] of Object.entries(emails) as [keyof typeof staff, string][]) {
    staff[key] = await findUser(portal.payload, email)
    tokens[key] = await loginAs(portal.app, email)
  }
  created.waitingA = await reporterArticle('reporterA', hoabinh, 'Tin chờ duyệt của Hòa Bình', true)
  created.draftA = await reporterArticle('reporterA', hoabinh, 'Tin đang soạn của Hòa Bình', false)
  created.returnedA = await reporterArticle('reporterA', hoabinh, 'Tin bị trả lại của Hòa Bình', true)
  await api().patch(`/api/articles/${created.returnedA.id}?draft=true`).set('Authorization', tokens.editorA).send({ reviewState: 'returned', reviewNote: 'Viết lại sa pô.' })
  created.publishedA = await reporterArticle('reporterA', hoabinh, 'Tin đã đăng của Hòa Bình', true)
  await api().patch(`/api/articles/${created.publishedA.id}`).set('Authorization', tokens.editorA).send({ _status: 'published' })
  created.waitingB = await reporterArticle('reporterB', kontum, 'Tin chờ duyệt của Kon Tum', true)
  created.publishedB = await reporterArticle('reporterB', kontum, 'Tin đã đăng của Kon Tum', true)
  await api().patch(`/api/articles/${created.publishedB.id}`).set('Authorization', tokens.editorB).send({ _status: 'published' })
})
afterAll(async () => {
  await portal?.close()
})

const titles = (docs: { title: string }[]) => docs.map((doc) => doc.title)

describe("the editors' desk queries", () => {
  it('lists waiting articles of the editor’s own site with who sent them and since when', async () => {
    const waiting = await waitingForReview({ payload: portal.payload, user: staff.editorA })
    expect(titles(waiting.docs)).toContain('Tin chờ duyệt của Hòa Bình')
    expect(titles(waiting.docs)).not.toContain('Tin chờ duyệt của Kon Tum')
    expect(titles(waiting.docs)).not.toContain('Tin bị trả lại của Hòa Bình')
    expect(titles(waiting.docs)).not.toContain('Tin đã đăng của Hòa Bình')
    const entry = waiting.docs.find((doc) => doc.id === created.waitingA!.id)!
    expect(entry.lastStep).toMatchObject({ step: 'submitted', byName: staff.reporterA.name })
    expect(waiting.total).toBe(waiting.docs.length)
    expect(titles((await waitingForReview({ payload: portal.payload, user: staff.editorB })).docs)).toEqual(['Tin chờ duyệt của Kon Tum'])
  })

  it('lists scheduled articles (a future date or a queued publication) with their times, per site', async () => {
    const later = new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString()
    const dated = await createArticle(portal.payload, { title: 'Tin hẹn đăng bằng ngày đăng', site: hoabinh.id, publishedAt: later, _status: 'published' })
    const queuedAt = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString()
    await portal.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: created.draftA!.id }, user: { relationTo: 'users', value: staff.editorA.id } },
      waitUntil: new Date(queuedAt),
    })
    const scheduled = await scheduledArticles({ payload: portal.payload, user: staff.editorA })
    expect(scheduled.docs.map((doc) => [doc.title, doc.goesPublicAt])).toEqual([
      ['Tin đang soạn của Hòa Bình', queuedAt],
      ['Tin hẹn đăng bằng ngày đăng', dated.publishedAt],
    ])
    expect((await scheduledArticles({ payload: portal.payload, user: staff.editorB })).docs).toEqual([])
  })

  it('lists the last published articles of the site, newest first, with who published them', async () => {
    const recent = await recentlyPublished({ payload: portal.payload, user: staff.editorA })
    expect(recent.docs[0]).toMatchObject({ title: 'Tin đã đăng của Hòa Bình', lastStep: { step: 'published', byName: staff.editorA.name } })
    expect(titles(recent.docs)).not.toContain('Tin đã đăng của Kon Tum')
    expect(titles(recent.docs)).not.toContain('Tin hẹn đăng bằng ngày đăng')
  })

  it("lists today's most read articles of the user's sites from the visit statistics", async () => {
    const store = await createCounterStore(portal.payload)
    const today = vietnamDay(new Date())
    await store.increment([
      { site: hoabinh.id, article: created.publishedA!.id, day: today, count: 7 },
      { site: kontum.id, article: created.publishedB!.id, day: today, count: 9 },
    ])
    const [site] = await mostReadToday({ payload: portal.payload, user: staff.editorA })
    expect(site!.site.id).toBe(hoabinh.id)
    expect(site!.rows).toEqual([{ article: created.publishedA!.id, title: 'Tin đã đăng của Hòa Bình', count: 7 }])
    expect(await mostReadToday({ payload: portal.payload, user: staff.editorA })).toHaveLength(1)
  })

  it("lists a reporter's own articles with where each stands, and nothing of another site", async () => {
    const mine = await myArticles({ payload: portal.payload, user: staff.reporterA })
    const byTitle = new Map(mine.docs.map((doc) => [doc.title, doc]))
    expect([...byTitle.keys()].sort()).toEqual(['Tin bị trả lại của Hòa Bình', 'Tin chờ duyệt của Hòa Bình', 'Tin đang soạn của Hòa Bình', 'Tin đã đăng của Hòa Bình'].sort())
    expect(byTitle.get('Tin bị trả lại của Hòa Bình')).toMatchObject({ reviewState: 'returned', reviewNote: 'Viết lại sa pô.' })
    expect(byTitle.get('Tin đã đăng của Hòa Bình')!._status).toBe('published')
    expect(byTitle.get('Tin chờ duyệt của Hòa Bình')!.reviewState).toBe('submitted')
    expect(titles((await myArticles({ payload: portal.payload, user: staff.reporterB })).docs).sort()).toEqual(['Tin chờ duyệt của Kon Tum', 'Tin đã đăng của Kon Tum'])
  })
})

describe('the dashboard blocks', () => {
  /** The dashboard component as Payload renders it above the collection cards, for a signed-in user. */
  async function dashboardHtml(user: User): Promise<string> {
    const { prelude } = await prerenderToNodeStream(await Desk({ payload: portal.payload, user: { ...user, collection: 'users' } as never }))
    let html = ''
    for await (const chunk of prelude) html += String(chunk)
    return html
  }

  it('shows an editor the waiting, scheduled, published and most read blocks of their site only', async () => {
    const html = await dashboardHtml(staff.editorA)
    for (const heading of ['Chờ duyệt', 'Đã lên lịch', 'Mới xuất bản', 'Đọc nhiều hôm nay']) expect(html).toContain(`>${heading}<`)
    expect(html).toContain('Tin chờ duyệt của Hòa Bình')
    expect(html).toMatch(new RegExp(`${staff.reporterA.name} gửi · chờ <span class="desk-waiting__time">(dưới 1 phút|\\d+ phút)</span>`))
    expect(html).not.toContain('Bài của tôi')
    for (const title of ['Tin chờ duyệt của Kon Tum', 'Tin đã đăng của Kon Tum']) expect(html).not.toContain(title)
  })

  it('shows a reporter their own articles with the note of a returned one, and nothing of another site', async () => {
    const html = await dashboardHtml(staff.reporterA)
    expect(html).toContain('>Bài của tôi<')
    expect(html).toContain('Lý do: <!-- -->Viết lại sa pô.')
    expect(html).toContain(`Bị trả lại bởi ${staff.editorA.name}`)
    expect(html).not.toContain('desk-block--waiting')
    for (const title of ['Tin chờ duyệt của Kon Tum', 'Tin đã đăng của Kon Tum']) expect(html).not.toContain(title)
  })
})

describe('the collection cards', () => {
  /** The cards widget as the dashboard renders it for a user, with the admin's site selector cookie if given. */
  async function cardsHtml(user: User, selectedSite?: Site): Promise<string> {
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, portal.payload)
    if (selectedSite) req.headers = new Headers({ cookie: `payload-tenant=${selectedSite.id}` })
    const { prelude } = await prerenderToNodeStream(await CollectionCards({ req }))
    let html = ''
    for await (const chunk of prelude) html += String(chunk)
    return html
  }
  /** The number shown on a collection's card, or undefined when the card shows none. */
  const countOn = (html: string, slug: string): number | undefined => {
    const card = html.match(new RegExp(`id="card-${slug}"[^]*?</li>`))?.[0]
    expect(card, `card of ${slug}`).toBeTruthy()
    const shown = card!.match(/class="card__count"[^>]*>([\d.]+)/)?.[1]
    return shown === undefined ? undefined : Number(shown.replace(/\./g, ''))
  }
  const articlesOf = async (site?: Site) =>
    (await portal.payload.count({ collection: 'articles', where: site ? { site: { equals: site.id } } : undefined, overrideAccess: true })).totalDocs

  it("shows a reporter of site A the number of site A's articles and media, none of site B's", async () => {
    const html = await cardsHtml(staff.reporterA)
    const [ofA, ofB] = [await articlesOf(hoabinh), await articlesOf(kontum)]
    expect(ofB).toBeGreaterThan(0)
    expect(countOn(html, 'articles')).toBe(ofA)
    const mediaOfA = (await portal.payload.count({ collection: 'media', where: { site: { equals: hoabinh.id } }, overrideAccess: true })).totalDocs
    expect(countOn(html, 'media')).toBe(mediaOfA)
    expect(html).toContain('mục</span>')
    expect(html).toContain('href="/admin/collections/articles/create"')
    // Choosing site B in the selector (a forged cookie) shows nothing of it.
    expect(countOn(await cardsHtml(staff.reporterA, kontum), 'articles')).toBe(0)
    expect(countOn(await cardsHtml(staff.reporterB), 'articles')).toBe(ofB)
  })

  it('shows an administrator every site, or the site chosen in the selector', async () => {
    const admin = await findUser(portal.payload, demoEmail.admin)
    expect(countOn(await cardsHtml(admin), 'articles')).toBe(await articlesOf())
    expect(countOn(await cardsHtml(admin, kontum), 'articles')).toBe(await articlesOf(kontum))
  })
})
