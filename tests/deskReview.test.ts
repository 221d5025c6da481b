import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Media, Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { readHistory } from '../collections/Articles/review/steps.ts'
import { buildLexical } from '../src/lib/lexical.ts'
import { drawConferencePhoto } from '../src/seed/demoImages.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { freshPage } from './helpers/pages.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site
let reporter: User
let editor: User
let reporterToken: string
let editorToken: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  reporter = await findUser(portal.payload, demoEmail.reporter(HOABINH))
  editor = await findUser(portal.payload, demoEmail.editor(HOABINH))
  reporterToken = await loginAs(portal.app, demoEmail.reporter(HOABINH))
  editorToken = await loginAs(portal.app, demoEmail.editor(HOABINH))
})
afterAll(async () => {
  await portal?.close()
})

const api = () => request(portal.app)
const publicPage = (slug: string) => api().get(`/bai-viet/${slug}`).set('Host', 'localhost')
/** The article as the admin's edit view shows it: its latest version. */
const latest = (id: Article['id']) => portal.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
const steps = (article: Article) => readHistory(article.reviewHistory).map((entry) => `${entry.step}: ${entry.byName}`)

async function submittedByReporter(title: string): Promise<Article> {
  const created = await api().post('/api/articles?draft=true').set('Authorization', reporterToken).send({ title, site: hoabinh.id, _status: 'draft' })
  expect(created.status).toBe(201)
  const submitted = await api().patch(`/api/articles/${created.body.doc.id}?draft=true`).set('Authorization', reporterToken).send({ reviewState: 'submitted' })
  expect(submitted.status).toBe(200)
  return latest(created.body.doc.id)
}

describe('the review workflow of an article', () => {
  it('goes submit → return with a note → resubmit → approve → publish, keeping each step with who and when', async () => {
    const article = await submittedByReporter('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12')
    expect(article.createdBy).toBe(reporter.id)
    expect(steps(article)).toEqual([`submitted: ${reporter.name}`])

    const withoutNote = await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', editorToken).send({ reviewState: 'returned', reviewNote: '  ' })
    expect(withoutNote.status).toBe(400)
    expect(JSON.stringify(withoutNote.body)).toContain('Lý do trả lại: ghi rõ lý do')
    expect((await latest(article.id)).reviewState).toBe('submitted')

    const note = 'Bổ sung danh sách đại biểu dự hội nghị.'
    const returned = await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', editorToken).send({ reviewState: 'returned', reviewNote: note })
    expect(returned.status).toBe(200)
    const afterReturn = await latest(article.id)
    expect(afterReturn.reviewState).toBe('returned')
    expect(afterReturn.reviewNote).toBe(note)
    expect(afterReturn._status).toBe('draft')
    expect(readHistory(afterReturn.reviewHistory).at(-1)).toMatchObject({ step: 'returned', byName: editor.name, by: editor.id, note })

    // The reporter edits the returned article as the admin form sends it (its state included)…
    const edited = await api()
      .patch(`/api/articles/${article.id}?draft=true`)
      .set('Authorization', reporterToken)
      .send({ title: afterReturn.title, lead: 'Có danh sách đại biểu.', reviewState: 'returned', reviewNote: 'sửa ghi chú', reviewHistory: [] })
    expect(edited.status).toBe(200)
    const afterEdit = await latest(article.id)
    expect(afterEdit.reviewNote).toBe(note)
    expect(readHistory(afterEdit.reviewHistory)).toHaveLength(2)
    // …and sends it again: the note is gone from the article, kept in its history.
    expect((await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', reporterToken).send({ reviewState: 'submitted' })).status).toBe(200)
    expect((await latest(article.id)).reviewNote).toBeNull()

    expect((await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', editorToken).send({ reviewState: 'approved' })).status).toBe(200)
    const published = await api().patch(`/api/articles/${article.id}`).set('Authorization', editorToken).send({ _status: 'published' })
    expect(published.status).toBe(200)
    const final = await latest(article.id)
    expect(steps(final)).toEqual([
      `submitted: ${reporter.name}`,
      `returned: ${editor.name}`,
      `submitted: ${reporter.name}`,
      `approved: ${editor.name}`,
      `published: ${editor.name}`,
    ])
    for (const entry of readHistory(final.reviewHistory)) expect(Date.now() - Date.parse(entry.at)).toBeLessThan(5 * 60_000)
    expect((await publicPage(final.slug!)).status).toBe(200)
  })

  it('refuses approving, returning and publishing by a reporter, and leaves the article as it was', async () => {
    const article = await submittedByReporter('Tin phóng viên không được tự duyệt')
    for (const attempt of [{ reviewState: 'approved' }, { reviewState: 'returned', reviewNote: 'Tự trả lại' }]) {
      const res = await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', reporterToken).send(attempt)
      expect(res.status, JSON.stringify(attempt)).toBe(403)
    }
    expect((await api().patch(`/api/articles/${article.id}`).set('Authorization', reporterToken).send({ _status: 'published' })).status).toBe(403)
    const unchanged = await latest(article.id)
    expect(unchanged.reviewState).toBe('submitted')
    expect(unchanged._status).toBe('draft')
    expect(steps(unchanged)).toEqual([`submitted: ${reporter.name}`])
    // Nor can a reporter write the history or who created the article.
    const forged = await api()
      .post('/api/articles?draft=true')
      .set('Authorization', reporterToken)
      .send({ title: 'Tin giả lịch sử duyệt', site: hoabinh.id, createdBy: editor.id, reviewHistory: [{ step: 'published', at: new Date().toISOString(), by: editor.id, byName: 'Giả' }] })
    expect(forged.status).toBe(201)
    const forgedRow = await latest(forged.body.doc.id)
    expect(forgedRow.createdBy).toBe(reporter.id)
    expect(readHistory(forgedRow.reviewHistory)).toEqual([])
  })

  it('keeps a returned article off the public site and the public REST API', async () => {
    const article = await submittedByReporter('Bài bị trả lại không được công khai')
    expect((await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', editorToken).send({ reviewState: 'returned', reviewNote: 'Thiếu ảnh.' })).status).toBe(200)
    expect((await publicPage(article.slug!)).status).toBe(404)
    expect((await api().get(`/api/articles/${article.id}`)).status).toBeGreaterThanOrEqual(403)
    const listed = await api().get('/api/articles').query({ where: { reviewState: { equals: 'returned' } }, limit: 100 })
    expect(listed.body.docs ?? []).toEqual([])
  })

  it('records unpublishing, but not a draft saved over a published article, and refuses returning a public article', async () => {
    const article = await submittedByReporter('Bài xuất bản rồi gỡ xuống')
    expect((await api().patch(`/api/articles/${article.id}`).set('Authorization', editorToken).send({ _status: 'published' })).status).toBe(200)
    expect((await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', editorToken).send({ lead: 'Bản nháp sửa sau khi đăng.' })).status).toBe(200)
    expect(steps(await latest(article.id))).toEqual([`submitted: ${reporter.name}`, `published: ${editor.name}`])

    const returnWhilePublic = await api()
      .patch(`/api/articles/${article.id}?draft=true`)
      .set('Authorization', editorToken)
      .send({ reviewState: 'returned', reviewNote: 'Sai số liệu.' })
    expect(returnWhilePublic.status).toBe(400)
    expect(JSON.stringify(returnWhilePublic.body)).toContain('gỡ xuất bản trước khi trả lại')
    expect((await publicPage(article.slug!)).status).toBe(200)

    expect((await api().patch(`/api/articles/${article.id}`).set('Authorization', editorToken).send({ _status: 'draft' })).status).toBe(200)
    expect(steps(await latest(article.id))).toEqual([`submitted: ${reporter.name}`, `published: ${editor.name}`, `unpublished: ${editor.name}`])
    expect((await freshPage(() => publicPage(article.slug!))).status).toBe(404)
  })

  it("lets no editor of another site return or publish a site's article", async () => {
    const article = await submittedByReporter('Bài chỉ biên tập viên Hòa Bình được duyệt')
    const otherEditor = await loginAs(portal.app, demoEmail.editor(KONTUM))
    const returned = await api().patch(`/api/articles/${article.id}?draft=true`).set('Authorization', otherEditor).send({ reviewState: 'returned', reviewNote: 'Không phải trang của tôi.' })
    expect([403, 404]).toContain(returned.status)
    const published = await api().patch(`/api/articles/${article.id}`).set('Authorization', otherEditor).send({ _status: 'published' })
    expect([403, 404]).toContain(published.status)
    expect(steps(await latest(article.id))).toEqual([`submitted: ${reporter.name}`])
  })
})

describe('alt text of the photos of a published article', () => {
  /** A photo whose alt text is blank: the field is required, but spaces pass Payload's check. */
  async function photoWithoutAlt(name: string, caption: string): Promise<Media> {
    const data = await drawConferencePhoto(7, '#0f4c81', '#c0392b')
    const media = await portal.payload.create({
      collection: 'media',
      data: { alt: '   ', caption, site: hoabinh.id },
      file: { data, mimetype: 'image/jpeg', name, size: data.length },
      depth: 0,
    })
    expect(media.alt?.trim()).toBe('')
    return media
  }

  it('refuses publishing or approving while a photo in the body has no alt text, naming it, and saves drafts', async () => {
    const photo = await photoWithoutAlt('toan-canh-hoi-nghi.jpg', 'Ảnh mặc định')
    const body = buildLexical([
      { kind: 'paragraph', text: 'Sáng nay, Hội nghị lần thứ 12 khai mạc.' },
      { kind: 'photo', media: photo.id, caption: 'Toàn cảnh Hội nghị' },
    ])
    const created = await api().post('/api/articles?draft=true').set('Authorization', reporterToken).send({ title: 'Khai mạc Hội nghị lần thứ 12', site: hoabinh.id, _status: 'draft', body })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as Article['id']
    expect((await api().patch(`/api/articles/${id}?draft=true`).set('Authorization', reporterToken).send({ reviewState: 'submitted' })).status).toBe(200)

    for (const [query, attempt] of [['', { _status: 'published' }], ['?draft=true', { reviewState: 'approved' }]] as const) {
      const refused = await api().patch(`/api/articles/${id}${query}`).set('Authorization', editorToken).send(attempt)
      expect(refused.status, JSON.stringify(attempt)).toBe(400)
      const message = JSON.stringify(refused.body)
      expect(message).toContain('chưa có mô tả ảnh (alt)')
      expect(message).toContain('«Toàn cảnh Hội nghị»')
      expect(message).toContain(photo.filename!)
    }
    const unchanged = await latest(id)
    expect(unchanged._status).toBe('draft')
    expect(unchanged.reviewState).toBe('submitted')
    expect((await publicPage(unchanged.slug!)).status).toBe(404)

    // The editor describes the photo; then the article goes out.
    expect((await api().patch(`/api/media/${photo.id}`).set('Authorization', editorToken).send({ alt: 'Toàn cảnh Hội nghị lần thứ 12' })).status).toBe(200)
    expect((await api().patch(`/api/articles/${id}`).set('Authorization', editorToken).send({ _status: 'published' })).status).toBe(200)
    expect((await freshPage(() => publicPage(unchanged.slug!))).status).toBe(200)
  })

  it('refuses publishing with a cover photo without alt text, through the Local API as well', async () => {
    const cover = await photoWithoutAlt('anh-dai-dien-khong-mo-ta.jpg', 'Đại biểu dự Hội nghị')
    const draft = await portal.payload.create({ collection: 'articles', data: { title: 'Tin có ảnh đại diện chưa mô tả', site: hoabinh.id, cover: cover.id, _status: 'draft' }, draft: true })
    const refusal = await portal.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } }).then(
      () => 'published',
      (error: Error) => error.message,
    )
    expect(refusal).toContain(`ảnh đại diện «Đại biểu dự Hội nghị» (${cover.filename}) chưa có mô tả ảnh (alt)`)
    expect((await latest(draft.id))._status).toBe('draft')
  })

  it('lets the demo seed publish its articles, whose photos all have alt text', async () => {
    const slugs = HOABINH.articles.filter((article) => article.status === 'published').map((article) => article.slug)
    expect(slugs.length).toBeGreaterThan(0)
    const published = await portal.payload.count({
      collection: 'articles',
      where: { and: [{ site: { equals: hoabinh.id } }, { slug: { in: slugs } }, { _status: { equals: 'published' } }] },
    })
    expect(published.totalDocs).toBe(slugs.length)
  })
})
