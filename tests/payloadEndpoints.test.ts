import { createLocalReq, Forbidden } from 'payload'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { guardedSchedulePublish } from '../src/access/guardedSchedulePublish.ts'
import { drawConferencePhoto } from '../src/seed/demoImages.ts'
import { adminServerFunction, loginAs, loginCookie } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'

/**
 * Payload's own endpoints that act with server rights or with "any signed-in user" rules: its
 * scheduled-publish server function and its document locks. Both must hold sites apart.
 */
let portal: Portal
let hoabinh: Site
let kontum: Site
let kontumArticle: Article

async function userOf(email: string): Promise<User> {
  const found = await portal.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })
  return { ...found.docs[0]!, collection: 'users' } as User
}

type ScheduleJob = { id: number | string; waitUntil: string; input: { doc?: { relationTo: string; value: number | string } } }

/** The queued publications of an article (the job input is JSON, compared here rather than in SQL). */
async function scheduledJobs(article: Article): Promise<ScheduleJob[]> {
  const jobs = await portal.payload.db.find<ScheduleJob>({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, limit: 0 })
  return jobs.docs.filter((job) => job.input.doc?.relationTo === 'articles' && String(job.input.doc.value) === String(article.id))
}

async function scheduleAs(email: string, article: Article, deleteID?: number | string, date = new Date(Date.now() + 86_400_000)) {
  const req = await createLocalReq({ user: await userOf(email) }, portal.payload)
  return guardedSchedulePublish({
    req,
    importMap: {},
    type: 'publish',
    date,
    doc: { relationTo: 'articles', value: article.id },
    ...(deleteID === undefined ? {} : { deleteID }),
  } as unknown as Parameters<typeof guardedSchedulePublish>[0])
}

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  kontumArticle = await portal.payload.create({
    collection: 'articles',
    data: { title: 'Bài của Kon Tum chờ lên lịch', site: kontum.id, _status: 'draft' },
    draft: true,
  })
})
afterAll(async () => {
  await portal?.close()
})

describe("scheduled publishing (Payload's schedule-publish server function)", () => {
  it("lets an editor of the article's site schedule it and cancel the schedule", async () => {
    await scheduleAs(demoEmail.editor(KONTUM), kontumArticle)
    expect(await scheduledJobs(kontumArticle)).toHaveLength(1)
    const [job] = await scheduledJobs(kontumArticle)
    const later = new Date(Date.now() + 2 * 86_400_000)
    await scheduleAs(demoEmail.editor(KONTUM), kontumArticle, job!.id, later)
    expect((await scheduledJobs(kontumArticle)).map((queued) => new Date(queued.waitUntil).getTime())).toEqual([later.getTime()])
    // Cancelling and queueing again is how the admin edits a schedule: still exactly one job.
    expect(await scheduledJobs(kontumArticle)).toHaveLength(1)
  })

  it("refuses an editor of another site: no job is cancelled, none is queued", async () => {
    const [job] = await scheduledJobs(kontumArticle)
    await expect(scheduleAs(demoEmail.editor(HOABINH), kontumArticle, job!.id)).rejects.toBeInstanceOf(Forbidden)
    await expect(scheduleAs(demoEmail.editor(HOABINH), kontumArticle)).rejects.toBeInstanceOf(Forbidden)
    expect(await scheduledJobs(kontumArticle)).toEqual([job])
  })

  it('refuses to schedule an article whose photo has no alt text, naming the photo; queues nothing', async () => {
    const data = await drawConferencePhoto(3, '#0f4c81', '#c0392b')
    const cover = await portal.payload.create({ collection: 'media', data: { alt: ' ', caption: 'Quang cảnh buổi làm việc', site: kontum.id }, file: { data, mimetype: 'image/jpeg', name: 'quang-canh.jpg', size: data.length } })
    const article = await portal.payload.create({ collection: 'articles', data: { title: 'Bài có ảnh chưa mô tả chờ lên lịch', site: kontum.id, cover: cover.id, _status: 'draft' }, draft: true })
    await expect(scheduleAs(demoEmail.editor(KONTUM), article)).rejects.toThrow(`ảnh đại diện «Quang cảnh buổi làm việc» (${cover.filename}) chưa có mô tả ảnh (alt)`)
    expect(await scheduledJobs(article)).toEqual([])
  })

  it('refuses a reporter of the same site, who may not publish', async () => {
    await expect(scheduleAs(demoEmail.reporter(KONTUM), kontumArticle)).rejects.toBeInstanceOf(Forbidden)
    expect(await scheduledJobs(kontumArticle)).toHaveLength(1)
  })

  it("through the admin's own request (the server action the schedule drawer posts): another site's editor cancels nothing, the site's editor cancels", async () => {
    const article = await portal.payload.create({ collection: 'articles', data: { title: 'Bài của Kon Tum, lịch hủy từ trang quản trị', site: kontum.id, _status: 'draft' }, draft: true })
    await scheduleAs(demoEmail.editor(KONTUM), article)
    const [job] = await scheduledJobs(article)
    // The drawer's "delete" button sends only the job's id.
    const cancelAs = async (email: string) =>
      adminServerFunction(portal.app, await loginCookie(portal.app, email), `/admin/collections/articles/${article.id}`, 'schedule-publish', { deleteID: job!.id })
    const refused = await cancelAs(demoEmail.editor(HOABINH))
    // The action threw (Next.js answers 500 with the error's digest only); the job stands.
    expect(refused.status).toBe(500)
    expect(refused.text).toMatch(/^1:E\{"digest"/m)
    expect(await scheduledJobs(article)).toEqual([job])
    // The same request from the article's own editor does cancel: the request above reached the guard.
    const cancelled = await cancelAs(demoEmail.editor(KONTUM))
    expect(cancelled.status, cancelled.text).toBe(200)
    expect(await scheduledJobs(article)).toEqual([])
  })
})

describe('document locks ("đang được chỉnh sửa")', () => {
  let lockID: number | string

  beforeAll(async () => {
    const holder = await userOf(demoEmail.editor(KONTUM))
    const lock = await portal.payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'articles', value: kontumArticle.id }, user: { relationTo: 'users', value: holder.id } },
    })
    lockID = lock.id
  })

  const locksOn = (article: Article) => ({ 'where[document.relationTo][equals]': 'articles', 'where[document.value][equals]': String(article.id) })

  it("are seen by the site's own staff", async () => {
    const reporter = await loginAs(portal.app, demoEmail.reporter(KONTUM))
    const res = await request(portal.app).get('/api/payload-locked-documents').query(locksOn(kontumArticle)).set('Authorization', reporter)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((lock: { id: number | string }) => lock.id)).toEqual([lockID])
  })

  it('are neither seen, taken over nor removed by staff of another site', async () => {
    const outsider = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const list = await request(portal.app).get('/api/payload-locked-documents').query(locksOn(kontumArticle)).set('Authorization', outsider)
    expect(list.status).toBe(200)
    expect(list.body.docs).toEqual([])
    const byID = await request(portal.app).get(`/api/payload-locked-documents/${lockID}`).set('Authorization', outsider)
    expect(byID.status).toBe(404)
    const outsiderUser = await userOf(demoEmail.editor(HOABINH))
    const takeOver = await request(portal.app)
      .patch(`/api/payload-locked-documents/${lockID}`)
      .set('Authorization', outsider)
      .send({ user: { relationTo: 'users', value: outsiderUser.id } })
    expect(takeOver.status).toBe(403)
    const remove = await request(portal.app).delete(`/api/payload-locked-documents/${lockID}`).set('Authorization', outsider)
    expect(remove.status).toBe(403)
    const stored = await portal.payload.findByID({ collection: 'payload-locked-documents', id: lockID, depth: 0 })
    expect(stored.user).toMatchObject({ relationTo: 'users', value: (await userOf(demoEmail.editor(KONTUM))).id })
  })

  it("cannot be taken in another user's name", async () => {
    const outsider = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const kontumEditor = await userOf(demoEmail.editor(KONTUM))
    const before = (await portal.payload.count({ collection: 'payload-locked-documents' })).totalDocs
    const forged = await request(portal.app)
      .post('/api/payload-locked-documents')
      .set('Authorization', outsider)
      .send({ document: { relationTo: 'articles', value: kontumArticle.id }, user: { relationTo: 'users', value: kontumEditor.id } })
    expect(forged.status).toBe(403)
    expect((await portal.payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(before)
    expect(hoabinh.id).not.toBe(kontum.id)
  })

  it("cannot be taken, even in one's own name, on another site's document", async () => {
    const outsider = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const outsiderUser = await userOf(demoEmail.editor(HOABINH))
    const before = (await portal.payload.count({ collection: 'payload-locked-documents' })).totalDocs
    const foreign = await request(portal.app)
      .post('/api/payload-locked-documents')
      .set('Authorization', outsider)
      .send({ document: { relationTo: 'articles', value: kontumArticle.id }, user: { relationTo: 'users', value: outsiderUser.id } })
    expect(foreign.status).toBe(403)
    expect((await portal.payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(before)
    const own = (await portal.payload.find({ collection: 'articles', where: { site: { equals: hoabinh.id } }, limit: 1, depth: 0 })).docs[0]!
    const allowed = await request(portal.app)
      .post('/api/payload-locked-documents')
      .set('Authorization', outsider)
      .send({ document: { relationTo: 'articles', value: own.id }, user: { relationTo: 'users', value: outsiderUser.id } })
    expect(allowed.status, allowed.text).toBe(201)
  })
})
