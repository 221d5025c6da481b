import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { buildLexical } from '../src/lib/lexical.ts'
import { enterDueArticles } from '../src/site/readModel/due.ts'
import { graphql, loginAs, loginCookie } from './helpers/api.ts'
import { type ArticleInput, createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { freshPage } from './helpers/pages.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site
let editor: User

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  editor = await findUser(portal.payload, demoEmail.editor(HOABINH))
})
afterAll(async () => {
  await portal?.close()
})

const page = (path: string, host = 'localhost') => request(portal.app).get(path).set('Host', host)

async function createDraft(title: string, site = hoabinh, extra: Partial<ArticleInput> = {}) {
  return createArticle(portal.payload, { title, site: site.id, _status: 'draft', ...extra }, { draft: true })
}

describe('preview of drafts', () => {
  it('shows a draft at its address to a signed-in editor of the site, privately, and to no one else', async () => {
    const draft = await createDraft('Bài đang soạn cần xem trước')
    const path = `/bai-viet/${draft.slug}`
    const anonymous = await page(path)
    expect(anonymous.status).toBe(404)

    const cookie = await loginCookie(portal.app, demoEmail.editor(HOABINH))
    const preview = await page(path).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin')
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('Bản xem trước: bài viết này chưa được xuất bản.')
    expect(preview.headers['cache-control']).toBe('private, no-store')

    const otherSite = await loginCookie(portal.app, demoEmail.editor(KONTUM))
    expect((await page(path).set('Cookie', otherSite).set('Sec-Fetch-Site', 'same-origin')).status).toBe(404)
    // The preview did not leak into the public cache.
    expect((await page(path)).status).toBe(404)
  })
})

describe('scheduled publishing', () => {
  it('publishes a scheduled article through the job queue when its time comes', async () => {
    const draft = await createDraft('Bài hẹn giờ đăng')
    const when = new Date(Date.now() + 1500)
    await portal.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: when,
    })
    await portal.payload.jobs.run()
    expect((await page(`/bai-viet/${draft.slug}`)).status).toBe(404)
    const anonymousRest = await request(portal.app).get(`/api/articles/${draft.id}?draft=true`)
    expect(anonymousRest.status).toBeGreaterThanOrEqual(403)

    await new Promise((resolve) => setTimeout(resolve, when.getTime() - Date.now() + 100))
    await portal.payload.jobs.run()
    const published = await portal.payload.findByID({ collection: 'articles', id: draft.id })
    expect(published._status).toBe('published')
    expect(published.publishedAt).toBeTruthy()
    const res = await page(`/bai-viet/${draft.slug}`)
    expect(res.status).toBe(200)
    expect((await page('/')).text).toContain('Bài hẹn giờ đăng')
  })

  it('hides a published article dated in the future from pages, REST and GraphQL until then', async () => {
    const future = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString()
    const article = await createArticle(portal.payload, { title: 'Bài đăng ngày mai', site: hoabinh.id, publishedAt: future, _status: 'published' })
    expect((await page(`/bai-viet/${article.slug}`)).status).toBe(404)
    expect((await request(portal.app).get(`/api/articles/${article.id}`)).status).toBeGreaterThanOrEqual(403)
    const result = await graphql(portal.app, '{ Articles(limit: 200) { docs { title } } }')
    expect(JSON.stringify(result.data)).not.toContain('Bài đăng ngày mai')
  })
})

describe('review: reporter submits, editor publishes', () => {
  it('lets a reporter send a draft for review but not approve or publish it', async () => {
    const reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
    const created = await request(portal.app)
      .post('/api/articles?draft=true')
      .set('Authorization', reporter)
      .send({ title: 'Tin phóng viên gửi duyệt', site: hoabinh.id, _status: 'draft' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const submitted = await request(portal.app).patch(`/api/articles/${id}?draft=true`).set('Authorization', reporter).send({ reviewState: 'submitted' })
    expect(submitted.status).toBe(200)
    const approved = await request(portal.app).patch(`/api/articles/${id}?draft=true`).set('Authorization', reporter).send({ reviewState: 'approved' })
    expect(approved.status).toBe(403)

    const editorToken = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const waiting = await request(portal.app)
      .get('/api/articles')
      .query({ draft: 'true', where: { reviewState: { equals: 'submitted' } }, depth: 0 })
      .set('Authorization', editorToken)
    expect(waiting.body.docs.map((doc: { title: string }) => doc.title)).toContain('Tin phóng viên gửi duyệt')
    const published = await request(portal.app).patch(`/api/articles/${id}`).set('Authorization', editorToken).send({ _status: 'published' })
    expect(published.status).toBe(200)
    expect(published.body.doc.reviewState).toBe('approved')
    expect((await page(`/bai-viet/${published.body.doc.slug}`)).status).toBe(200)
  })
})

describe('slugs and text', () => {
  it('folds Vietnamese titles to slugs, unique within a site but free across sites', async () => {
    const editorToken = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const first = await request(portal.app).post('/api/articles').set('Authorization', editorToken).send({ title: 'Hội nghị Đảng bộ tỉnh Điện Biên', site: hoabinh.id })
    expect(first.status).toBe(201)
    expect(first.body.doc.slug).toBe('hoi-nghi-dang-bo-tinh-dien-bien')
    const clash = await request(portal.app).post('/api/articles').set('Authorization', editorToken).send({ title: 'Hội nghị Đảng bộ tỉnh Điện Biên', site: hoabinh.id })
    expect(clash.status).toBe(400)
    expect(clash.body.errors[0].message).toMatch(/^Đường dẫn này đã có bài viết khác/)
    const count = await portal.payload.count({ collection: 'articles', where: { slug: { equals: 'hoi-nghi-dang-bo-tinh-dien-bien' } } })
    expect(count.totalDocs).toBe(1)
    const otherSite = await createArticle(portal.payload, { title: 'Hội nghị Đảng bộ tỉnh Điện Biên', site: kontum.id })
    expect(otherSite.slug).toBe('hoi-nghi-dang-bo-tinh-dien-bien')
  })

  it('stores decomposed (NFD) input in NFC', async () => {
    const title = 'Tỉnh ủy Hòa Bình tổng kết năm'
    const article = await createDraft(title.normalize('NFD'), hoabinh, { lead: 'Đảng bộ tỉnh'.normalize('NFD') })
    const row = await portal.payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(row.title).toBe(title.normalize('NFC'))
    expect(row.title).not.toBe(title.normalize('NFD'))
    expect(row.lead).toBe('Đảng bộ tỉnh'.normalize('NFC'))
  })
})

describe('captions', () => {
  it('makes a caption entry for each captioned photo of a published article, per caption, and withdraws it on unpublish', async () => {
    const media = await portal.payload.find({ collection: 'media', where: { site: { equals: hoabinh.id } }, limit: 1 })
    const photo = media.docs[0]!
    const body = (caption: string) => buildLexical([{ kind: 'paragraph', text: 'Nội dung.' }, { kind: 'photo', media: photo.id, caption, credit: 'Ảnh: TTXVN' }])
    const first = await createArticle(portal.payload, { title: 'Bài có ảnh chú thích thứ nhất', site: hoabinh.id, body: body('Quang cảnh phiên khai mạc'), _status: 'published' })
    const second = await createArticle(portal.payload, { title: 'Bài có ảnh chú thích thứ hai', site: hoabinh.id, body: body('Đại biểu biểu quyết thông qua Nghị quyết'), _status: 'published' })
    const entries = await portal.payload.find({ collection: 'captions', where: { photo: { equals: photo.id } }, depth: 0 })
    const captions = entries.docs.map((entry) => entry.caption).sort()
    expect(captions).toEqual(expect.arrayContaining(['Quang cảnh phiên khai mạc', 'Đại biểu biểu quyết thông qua Nghị quyết']))
    const firstEntry = entries.docs.find((entry) => entry.caption === 'Quang cảnh phiên khai mạc')!
    expect(firstEntry.articles).toEqual([first.id])
    expect(firstEntry.credit).toBe('Ảnh: TTXVN')
    expect(firstEntry.origin).toBe('article')

    const library = await page('/thu-vien-anh?q=bieu+quyet')
    expect(library.text).toContain('Đại <mark>biểu</mark> <mark>biểu</mark> <mark>quyết</mark> thông qua Nghị <mark>quyết</mark>')

    await portal.payload.update({ collection: 'articles', id: second.id, data: { _status: 'draft' } })
    const after = await portal.payload.find({ collection: 'captions', where: { caption: { equals: 'Đại biểu biểu quyết thông qua Nghị quyết' } } })
    expect(after.totalDocs).toBe(0)
    expect((await page('/thu-vien-anh?q=bieu+quyet')).text).not.toContain('thông qua Nghị quyết')
  })

  it('keeps the photos of an article scheduled for later out of the public library until its time', async () => {
    const media = await portal.payload.find({ collection: 'media', where: { site: { equals: hoabinh.id } }, limit: 1 })
    const caption = 'Lễ cắt băng khánh thành cầu Hòa Bình 3'
    const body = buildLexical([{ kind: 'paragraph', text: 'Nội dung.' }, { kind: 'photo', media: media.docs[0]!.id, caption }])
    const soon = new Date(Date.now() + 1500).toISOString()
    await createArticle(portal.payload, { title: 'Bài hẹn giờ có ảnh', site: hoabinh.id, body, publishedAt: soon, _status: 'published' })
    const entries = () => portal.payload.count({ collection: 'captions', where: { caption: { equals: caption } } })
    expect((await entries()).totalDocs).toBe(0)
    expect((await request(portal.app).get('/api/captions').query({ where: { caption: { equals: caption } } })).body.totalDocs).toBe(0)
    expect((await page('/thu-vien-anh?q=cat+bang')).text).not.toContain('khánh thành cầu Hòa Bình 3')
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect(await enterDueArticles(portal.payload, new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1)
    expect((await entries()).totalDocs).toBe(1)
    expect((await freshPage(() => page('/thu-vien-anh?q=cat+bang'))).text).toContain('khánh thành cầu Hòa Bình 3')
  })

  it('keeps caption entries made by hand', async () => {
    const editorToken = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const media = await portal.payload.find({ collection: 'media', where: { site: { equals: hoabinh.id } }, limit: 1 })
    const res = await request(portal.app)
      .post('/api/captions')
      .set('Authorization', editorToken)
      .send({ photo: media.docs[0]!.id, caption: 'Ảnh tư liệu: trụ sở Tỉnh ủy', site: hoabinh.id })
    expect(res.status).toBe(201)
    expect(res.body.doc.origin).toBe('manual')
    expect((await page('/thu-vien-anh?q=tru+so')).text).toContain('Ảnh tư liệu: <mark>trụ</mark> <mark>sở</mark> Tỉnh ủy')
  })
})

describe('related articles and banners', () => {
  it('shows the related articles an editor chose, else the newest of the same category', async () => {
    const chosen = await createArticle(portal.payload, { title: 'Tin được chọn liên quan', site: hoabinh.id, _status: 'published' })
    const host = await createArticle(portal.payload, { title: 'Bài có tin liên quan chọn tay', site: hoabinh.id, related: [chosen.id], _status: 'published' })
    const res = await page(`/bai-viet/${host.slug}`)
    expect(res.text).toMatch(/Tin liên quan.*Tin được chọn liên quan/s)
    const byCategory = await page('/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam')
    expect(byCategory.text).not.toMatch(/Tin liên quan.*Tin được chọn liên quan/s)
  })

  it('shows banners only between their start and end', async () => {
    const media = await portal.payload.find({ collection: 'media', where: { site: { equals: hoabinh.id } }, limit: 1 })
    const day = 24 * 60 * 60 * 1000
    const window = (title: string, startsAt: number, endsAt: number) =>
      portal.payload.create({
        collection: 'banners',
        data: { title, image: media.docs[0]!.id, placement: 'sidebar', startsAt: new Date(Date.now() + startsAt).toISOString(), endsAt: new Date(Date.now() + endsAt).toISOString(), site: hoabinh.id },
      })
    await window('Băng rôn đang chạy', -day, day)
    await window('Băng rôn đã hết', -2 * day, -day)
    await window('Băng rôn chưa đến', day, 2 * day)
    const home = (await freshPage(() => page('/'))).text
    expect(home).toContain('Băng rôn đang chạy')
    expect(home).not.toContain('Băng rôn đã hết')
    expect(home).not.toContain('Băng rôn chưa đến')
  })
})
