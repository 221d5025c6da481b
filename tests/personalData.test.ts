import type { Server } from 'node:http'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Consultation, ConsultationComment, Question, QuestionField, Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { Questions } from '../collections/Questions/index.ts'
import { PersonalDataLink } from '../src/admin/questions/PersonalDataLink.tsx'
import { AUDIT_COLLECTION } from '../src/ops/audit/actions.ts'
import { ERASED_NAME } from '../src/participation/personalData.ts'
import { eraseExpiredContacts } from '../src/participation/retention.ts'
import { questionPath } from '../src/site/paths.ts'
import { questionSlug } from '../src/site/readModel/questions.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { createConsultation } from './helpers/consultations.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM, PASSWORD } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { freshPage } from './helpers/pages.ts'
import { createQuestionField } from './helpers/questions.ts'

const HOABINH_HOST = 'localhost'
const DAY = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

let portal: Portal
let listening: Listening | undefined
let server: Server
let hoabinh: Site
let kontum: Site
let counter = 0
const fields = new Map<number | string, QuestionField>()

type Contact = { name: string; email?: string; phone?: string }

/** A question or feedback as the forms store it (phone without separators), with `overrides`. */
type Handling = Partial<Pick<Question, 'kind' | 'status' | 'answer' | 'answeredAt' | 'publishedAt' | 'assignedUnit' | 'rejectionReason' | 'nameDisplay'>>

function submission(site: Site, contact: Contact, overrides: Handling = {}): Promise<Question> {
  counter += 1
  const kind = overrides.kind ?? 'question'
  return portal.payload.create({
    collection: 'questions',
    data: {
      site: site.id,
      kind,
      field: kind === 'question' ? fields.get(site.id)!.id : undefined,
      reference: `${kind === 'feedback' ? 'GY' : 'HĐ'}-2026-${String(900000 + counter)}`,
      receivedAt: ago(500),
      title: `Câu hỏi thử số ${counter} về thủ tục đất đai`,
      body: 'Xin hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì?',
      askerName: contact.name,
      email: contact.email,
      phone: contact.phone,
      address: 'Tổ 5, xóm Đồng Tâm, huyện Lạc Sơn',
      ipHash: 'a1b2c3d4e5f6',
      ...overrides,
      status: overrides.status ?? 'new',
      nameDisplay: overrides.nameDisplay ?? 'initials',
    },
    depth: 0,
  })
}

function comment(consultation: Consultation, contact: Contact, status: ConsultationComment['status'] = 'approved'): Promise<ConsultationComment> {
  return portal.payload.create({
    collection: 'consultation-comments',
    data: { site: consultation.site, consultation: consultation.id, name: contact.name, email: contact.email, phone: contact.phone, ipHash: 'f6e5d4c3b2a1', comment: 'Đề nghị làm rõ phạm vi điều chỉnh tại Điều 1 của dự thảo.', status, receivedAt: ago(450) },
    depth: 0,
  })
}

const reload = (doc: Question) => portal.payload.findByID({ collection: 'questions', id: doc.id, depth: 0 })
const reloadComment = (doc: ConsultationComment) => portal.payload.findByID({ collection: 'consultation-comments', id: doc.id, depth: 0 })

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  listening = await listen(portal.app)
  server = listening.server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  for (const site of [hoabinh, kontum]) fields.set(site.id, await createQuestionField(portal.payload, site, 'Đất đai (thử)'))
}, 240_000)
afterAll(async () => {
  await listening?.close()
  await portal?.close()
})

describe('the contact retention job', () => {
  const an: Contact = { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678' }
  let oldPublished: Question
  let recentPublished: Question
  let open: Question
  let rejectedToday: Question
  let closedDraftComment: ConsultationComment
  let openDraftComment: ConsultationComment

  beforeAll(async () => {
    oldPublished = await submission(hoabinh, an, { status: 'published', answer: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.', answeredAt: ago(420), publishedAt: ago(400) })
    recentPublished = await submission(hoabinh, an, { status: 'published', answer: 'Nộp hồ sơ tại bộ phận một cửa.', answeredAt: ago(20), publishedAt: ago(10) })
    open = await submission(hoabinh, an, { status: 'assigned', assignedUnit: 'Sở Tài nguyên và Môi trường' })
    rejectedToday = await submission(hoabinh, an, { kind: 'feedback', status: 'rejected', rejectionReason: 'Trùng lặp.', nameDisplay: 'anonymous' })
    const closedDraft = await createConsultation(portal.payload, hoabinh, 'Dự thảo đã hết hạn góp ý', { opensInDays: -500, closesInDays: -400 })
    const openDraft = await createConsultation(portal.payload, hoabinh, 'Dự thảo đang lấy ý kiến', { closesInDays: 10 })
    closedDraftComment = await comment(closedDraft, an)
    openDraftComment = await comment(openDraft, an, 'rejected')
  })

  it('erases the contact details of what was closed longer than the retention, and keeps the published pair', async () => {
    const logged: unknown[] = []
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(portal.payload.logger, level).mockImplementation(((...args: unknown[]) => void logged.push(args)) as never)
    }
    try {
      const result = await eraseExpiredContacts(portal.payload, { days: 365 })
      expect(result).toEqual({ questions: 1, comments: 1 })
    } finally {
      vi.restoreAllMocks()
    }
    expect(JSON.stringify(logged)).toContain('expired contact details erased')
    expect(JSON.stringify(logged)).not.toMatch(/an\.nguyen|0912345678|Nguyễn Văn An|Đồng Tâm/)

    const erased = await reload(oldPublished)
    expect(erased).toMatchObject({ askerName: 'N.V.A.', nameDisplay: 'full', status: 'published', title: oldPublished.title, body: oldPublished.body, answer: oldPublished.answer })
    for (const field of ['email', 'phone', 'address', 'ipHash'] as const) expect(erased[field] ?? null).toBeNull()
    expect(erased.contactErasedAt).toBeTruthy()

    const erasedComment = await reloadComment(closedDraftComment)
    expect(erasedComment).toMatchObject({ name: 'Nguyễn Văn An', comment: closedDraftComment.comment, status: 'approved' })
    for (const field of ['email', 'phone', 'ipHash'] as const) expect(erasedComment[field] ?? null).toBeNull()

    // Recent, open and today's rejection keep their details.
    for (const kept of [recentPublished, open, rejectedToday]) expect(await reload(kept)).toMatchObject({ email: an.email, phone: an.phone, askerName: an.name, contactErasedAt: null })
    expect(await reloadComment(openDraftComment)).toMatchObject({ email: an.email, phone: an.phone })

    // The public page still shows the pair, with the name as published and no contact.
    const page = await freshPage(() => request(server).get(questionPath(questionSlug(oldPublished.reference))).set('Host', HOABINH_HOST))
    expect(page.status).toBe(200)
    expect(page.text).toContain(oldPublished.title)
    expect(page.text).toContain('Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.')
    expect(page.text).toContain('N.V.A.')
    for (const personal of ['an.nguyen@example.vn', '0912345678', 'Đồng Tâm']) expect(page.text).not.toContain(personal)
  })

  it('changes nothing when run again', async () => {
    const before = await reload(oldPublished)
    expect(await eraseExpiredContacts(portal.payload, { days: 365 })).toEqual({ questions: 0, comments: 0 })
    expect((await reload(oldPublished)).updatedAt).toBe(before.updatedAt)
  })

  it('counts a rejection and a draft’s comment period from when they closed', async () => {
    const later = new Date(Date.now() + 400 * DAY)
    await eraseExpiredContacts(portal.payload, { days: 365, now: later })
    const rejected = await reload(rejectedToday)
    expect(rejected).toMatchObject({ askerName: ERASED_NAME, email: null, phone: null, title: rejectedToday.title, body: rejectedToday.body })
    expect(await reloadComment(openDraftComment)).toMatchObject({ name: ERASED_NAME, email: null, phone: null })
    // Still being handled: kept however old.
    expect(await reload(open)).toMatchObject({ email: an.email, phone: an.phone })
  })
})

describe("one person's submissions", () => {
  const binh: Contact = { name: 'Trần Thị Bình', email: 'Binh.Tran@Example.vn', phone: '+84987654321' }
  const EXPORT = '/api/questions/personal-data'
  const ERASE = '/api/questions/personal-data/erase'
  let editor: string
  let mine: { question: Question; feedback: Question; comment: ConsultationComment }
  let elsewhere: Question
  let decoy: Question

  const post = (path: string, body: Record<string, unknown>, authorization?: string) => {
    const req = request(portal.app).post(path).send(body)
    return authorization ? req.set('Authorization', authorization) : req
  }

  beforeAll(async () => {
    editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const draft = await createConsultation(portal.payload, hoabinh, 'Dự thảo quy định về chợ')
    mine = {
      question: await submission(hoabinh, { name: binh.name, email: binh.email }, { status: 'new' }),
      feedback: await submission(hoabinh, { name: binh.name, phone: '0987654321' }, { kind: 'feedback', status: 'answered', answer: 'Cảm ơn góp ý.' }),
      comment: await comment(draft, binh, 'new'),
    }
    elsewhere = await submission(kontum, binh, { status: 'new' })
    decoy = await submission(hoabinh, { name: 'Lê Bình', email: 'le.binh.tran@example.vn' }, { status: 'new' })
  })

  it('exports every question, feedback and comment with that e-mail or phone on the editor’s sites, and nothing else', async () => {
    const byEmail = await post(EXPORT, { email: ' binh.tran@example.vn ' }, editor)
    expect(byEmail.status, byEmail.text).toBe(200)
    expect(byEmail.headers['cache-control']).toBe('no-store')
    const emailIds = byEmail.body.submissions.map((item: { type: string; id: number }) => `${item.type}:${item.id}`).sort()
    expect(emailIds).toEqual([`question:${mine.question.id}`, `consultationComment:${mine.comment.id}`].sort())
    expect(byEmail.body.submissions.find((item: { type: string }) => item.type === 'question')).toMatchObject({ email: binh.email, name: binh.name, title: mine.question.title, site: hoabinh.id })

    const byPhone = await post(EXPORT, { phone: '0987 654 321' }, editor)
    expect(byPhone.status).toBe(200)
    const phoneIds = byPhone.body.submissions.map((item: { type: string; id: number }) => `${item.type}:${item.id}`).sort()
    expect(phoneIds).toEqual([`feedback:${mine.feedback.id}`, `consultationComment:${mine.comment.id}`].sort())

    const text = JSON.stringify([byEmail.body, byPhone.body])
    expect(text).not.toContain(String(elsewhere.reference))
    expect(text).not.toContain('le.binh.tran')
    expect(decoy.id).toBeTruthy()
  })

  it('refuses a missing or malformed key with a Vietnamese message', async () => {
    for (const body of [{}, { email: 'không phải thư' }, { phone: '12' }, { email: binh.email, phone: binh.phone }]) {
      const res = await post(EXPORT, body, editor)
      expect(res.status).toBe(400)
      expect(res.body.message).toContain('Vui lòng nhập một thư điện tử hoặc một số điện thoại hợp lệ')
    }
  })

  it('is refused to answerers, reporters and anonymous visitors', async () => {
    await portal.payload.create({ collection: 'users', data: { email: 'traloi.dulieu@congtin.local', password: PASSWORD, name: 'Người trả lời', role: 'answerer', unit: 'Sở Y tế', sites: [{ site: hoabinh.id }] } })
    const answerer = await loginAs(portal.app, 'traloi.dulieu@congtin.local')
    const reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
    for (const path of [EXPORT, ERASE]) {
      expect((await post(path, { email: binh.email }, answerer)).status).toBe(403)
      expect((await post(path, { email: binh.email }, reporter)).status).toBe(403)
      expect((await post(path, { email: binh.email })).status).toBe(401)
    }
    expect(await reload(mine.question)).toMatchObject({ email: binh.email })
  })

  it('erases them as the job does, on the editor’s site only, and audits field names only', async () => {
    const erased = await post(ERASE, { email: 'BINH.TRAN@example.vn' }, editor)
    expect(erased.status, erased.text).toBe(200)
    expect(erased.body.erased).toBe(2)
    const erasedPhone = await post(ERASE, { phone: '0987654321' }, editor)
    expect(erasedPhone.body.erased).toBe(1)

    const question = await reload(mine.question)
    expect(question).toMatchObject({ askerName: ERASED_NAME, email: null, phone: null, address: null, title: mine.question.title, body: mine.question.body })
    expect(question.contactErasedAt).toBeTruthy()
    expect(await reload(mine.feedback)).toMatchObject({ askerName: ERASED_NAME, phone: null, answer: 'Cảm ơn góp ý.' })
    expect(await reloadComment(mine.comment)).toMatchObject({ name: ERASED_NAME, email: null, phone: null, comment: mine.comment.comment })
    expect(await reload(elsewhere)).toMatchObject({ email: binh.email, phone: binh.phone })
    expect(await reload(decoy)).toMatchObject({ email: 'le.binh.tran@example.vn' })

    const again = await post(EXPORT, { email: binh.email }, editor)
    expect(again.body.submissions).toEqual([])

    const entries = await portal.payload.find({ collection: AUDIT_COLLECTION, where: { documentId: { in: [String(mine.question.id), String(mine.comment.id)] } }, depth: 0, pagination: false })
    expect(entries.docs.length).toBeGreaterThanOrEqual(2)
    expect(entries.docs.map((entry) => entry.fields).join(' ')).toContain('email')
    expect(JSON.stringify(entries.docs)).not.toMatch(/binh\.tran|0987654321|Trần Thị Bình/i)
  })

  it('has a page for editors whose forms post the key in the body and come back with the count only', async () => {
    const reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
    expect((await request(portal.app).get(EXPORT).set('Authorization', reporter)).status).toBe(403)
    const page = await request(portal.app).get(EXPORT).set('Authorization', editor)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.text).toContain('<form method="post" action="/api/questions/personal-data">')
    expect(page.text).toContain('<form method="post" action="/api/questions/personal-data/erase">')

    const cuong = await submission(hoabinh, { name: 'Phạm Văn Cường', phone: '0911222333' }, { status: 'new' })
    const download = await request(portal.app).post(EXPORT).set('Authorization', editor).set('Accept', 'text/html').type('form').send('email=&phone=0911+222+333')
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toContain('attachment')
    expect(JSON.parse(download.text).submissions.map((item: { id: number }) => item.id)).toEqual([cuong.id])
    const erased = await request(portal.app).post(ERASE).set('Authorization', editor).set('Accept', 'text/html').type('form').send('email=&phone=0911222333&confirm=1')
    expect(erased.status).toBe(303)
    expect(erased.headers.location).toContain(`${EXPORT}?done=`)
    expect(decodeURIComponent(erased.headers.location)).toContain('Đã xóa thông tin liên hệ của 1 ')
    expect(erased.headers.location).not.toContain('0911222333')
    expect(await reload(cuong)).toMatchObject({ phone: null, askerName: ERASED_NAME })
  })

  it("is linked above the admin's question list for editors, not for answerers", async () => {
    const link = 'href="/api/questions/personal-data"'
    const render = (user: User) => renderToStaticMarkup(createElement(PersonalDataLink, { user: { ...user, collection: 'users' } as never }))
    expect(render(await findUser(portal.payload, demoEmail.editor(HOABINH)))).toContain(link)
    expect(render(await findUser(portal.payload, 'traloi.dulieu@congtin.local'))).toBe('')
    // Payload renders it above the list (an unknown path would fail the admin's import map at build).
    expect(Questions.admin?.components?.beforeListTable).toEqual(['/src/admin/questions/PersonalDataLink.tsx#PersonalDataLink'])
  })
})
