import type { Server } from 'node:http'

import { createLocalReq } from 'payload'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Question, QuestionField, Site, Unit } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createSiteReader } from '../src/site/readModel/reader.ts'
import { refreshQuestions } from '../src/site/readModel/questions.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { FEEDBACK_CHALLENGE_PATH, FEEDBACK_PATH, QUESTIONS_PATH } from '../src/site/paths.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { freshPage } from './helpers/pages.ts'
import { solve } from './helpers/polls.ts'
import { createQuestionField, postQuestion, questionCaptcha, questionForm, receiptOf } from './helpers/questions.ts'

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const YEAR = new Date().getUTCFullYear()

let portal: Portal
let listening: Listening | undefined
let server: Server
let hoabinh: Site
let kontum: Site
let land: QuestionField
let ipCounter = 0
const nextIp = () => `10.1.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`

async function feedbackCaptcha(host = HOABINH_HOST): Promise<string> {
  const res = await request(server).get(FEEDBACK_CHALLENGE_PATH).set('Host', host)
  expect(res.status, res.text).toBe(200)
  return solve(res.body)
}

/** A valid feedback form with `overrides` applied (an empty string removes a field). */
function feedbackForm(overrides: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {
    name: 'Lê Thị Hoa',
    email: 'hoa.le@example.vn',
    phone: '0987 654 321',
    subject: 'Trang văn bản khó tìm',
    message: 'Đề nghị bổ sung bộ lọc theo năm ban hành trên trang văn bản để người dân dễ tra cứu hơn.',
    consent: 'on',
    ...overrides,
  }
  for (const [name, value] of Object.entries(form)) if (value === '') delete form[name]
  return form
}

const postFeedback = (form: Record<string, string>, host = HOABINH_HOST) =>
  request(server).post(FEEDBACK_PATH).set('Host', host).set('X-Forwarded-For', nextIp()).type('form').send(new URLSearchParams(form).toString())

const referenceOf = (html: string) => /class="reference">([^<]+)</.exec(html)?.[1]

async function sendFeedback(overrides: Record<string, string> = {}, host = HOABINH_HOST): Promise<Question> {
  const res = await postFeedback(feedbackForm({ altcha: await feedbackCaptcha(host), ...overrides }), host)
  expect(res.status, res.text.slice(0, 2000)).toBe(201)
  const reference = referenceOf(res.text)!
  const site = host === HOABINH_HOST ? hoabinh : kontum
  const found = await portal.payload.find({ collection: 'questions', where: { site: { equals: site.id }, reference: { equals: reference } }, depth: 0 })
  expect(found.docs).toHaveLength(1)
  return found.docs[0]!
}

const countFeedback = async (site: Site) => (await portal.payload.count({ collection: 'questions', where: { site: { equals: site.id }, kind: { equals: 'feedback' } } })).totalDocs

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { FORM_CAPTCHA_MAX_NUMBER: '2000', QUESTION_LIMIT_PER_HOUR: '3' } })
  listening = await listen(portal.app)
  server = listening.server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  land = await createQuestionField(portal.payload, hoabinh, 'Nhà đất (thử)')
}, 240_000)
afterAll(async () => {
  await listening?.close()
  await portal?.close()
})

describe('the feedback form', () => {
  it('is a plain form with its own captcha, says why the data is collected, and is linked from the menu', async () => {
    const res = await request(server).get(FEEDBACK_PATH).set('Host', HOABINH_HOST)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.text).toContain(`action="${FEEDBACK_PATH}" method="post"`)
    for (const name of ['name', 'email', 'phone', 'subject', 'message', 'consent']) expect(res.text).toContain(`name="${name}"`)
    expect(res.text).toContain(`<altcha-widget challengeurl="${FEEDBACK_CHALLENGE_PATH}" name="altcha"`)
    expect(res.text).toContain('chỉ dùng để xem xét góp ý và liên hệ lại với bạn khi cần, không được công bố (Nghị định 13/2023/NĐ-CP)')
    const home = await request(server).get('/').set('Host', HOABINH_HOST)
    expect(home.text).toContain(`<a href="${FEEDBACK_PATH}">Góp ý</a>`)
  })

  it('stores valid feedback once, in the questions queue as feedback, with a GY- reference on the receipt', async () => {
    const questionsBefore = (await portal.payload.count({ collection: 'questions', where: { site: { equals: hoabinh.id }, kind: { equals: 'question' } } })).totalDocs
    const before = await countFeedback(hoabinh)
    const res = await postFeedback(feedbackForm({ altcha: await feedbackCaptcha(), subject: 'Góp ý <b>giao diện</b>' }))
    expect(res.status).toBe(201)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.text).toContain('Góp ý đã được tiếp nhận với số hiệu')
    const reference = referenceOf(res.text)
    expect(reference).toBe(`GY-${YEAR}-${String(before + 1).padStart(6, '0')}`)
    expect(await countFeedback(hoabinh)).toBe(before + 1)
    const [stored] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    expect(stored).toMatchObject({ kind: 'feedback', status: 'new', title: 'Góp ý giao diện', askerName: 'Lê Thị Hoa', email: 'hoa.le@example.vn', phone: '0987654321', site: hoabinh.id })
    expect(stored!.field ?? null).toBeNull()
    expect(stored!.followUpHash ?? null).toBeNull()
    // Questions keep their own numbering and kind.
    const asked = await postQuestion(server, HOABINH_HOST, questionForm(land.id, { altcha: await questionCaptcha(server, HOABINH_HOST) }), nextIp())
    expect(asked.status).toBe(201)
    const question = receiptOf(asked.text).reference
    expect(question).toBe(`HĐ-${YEAR}-${String(questionsBefore + 1).padStart(6, '0')}`)
    const [storedQuestion] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: question } }, depth: 0 })).docs
    expect(storedQuestion!.kind).toBe('question')
  })

  it('numbers each site on its own', async () => {
    const before = await countFeedback(kontum)
    const feedback = await sendFeedback({}, KONTUM_HOST)
    expect(feedback.reference).toBe(`GY-${YEAR}-${String(before + 1).padStart(6, '0')}`)
  })

  it('accepts one captcha solution once, and not the question form\'s captcha', async () => {
    const before = await countFeedback(hoabinh)
    const form = feedbackForm({ altcha: await feedbackCaptcha() })
    const responses = await Promise.all(Array.from({ length: 5 }, () => postFeedback(form)))
    expect(responses.filter((res) => res.status === 201)).toHaveLength(1)
    const refused = responses.filter((res) => res.status !== 201)
    expect(refused.map((res) => res.status)).toEqual(Array(4).fill(400))
    for (const res of refused) expect(res.text).toContain('<p class="field-error" id="loi-altcha">Mã xác nhận này đã được sử dụng')
    const questionCaptchaRes = await postFeedback(feedbackForm({ altcha: await questionCaptcha(server, HOABINH_HOST) }))
    expect(questionCaptchaRes.status).toBe(400)
    expect(questionCaptchaRes.text).toContain('Mã xác nhận không dành cho biểu mẫu này')
    expect(await countFeedback(hoabinh)).toBe(before + 1)
  })

  const cases: [string, Record<string, string>, string, string][] = [
    ['name', { name: '' }, 'loi-name', 'Vui lòng nhập họ và tên.'],
    ['name', { name: 'A'.repeat(101) }, 'loi-name', 'Họ và tên không quá 100 ký tự.'],
    ['contact', { email: '', phone: '' }, 'loi-email', 'Vui lòng nhập thư điện tử hoặc số điện thoại để nhận trả lời.'],
    ['email', { email: 'hoa.le@', phone: '' }, 'loi-email', 'Địa chỉ thư điện tử không hợp lệ'],
    ['phone', { phone: '12345' }, 'loi-phone', 'Số điện thoại không hợp lệ'],
    ['subject', { subject: 'Ý' }, 'loi-subject', 'Vui lòng nhập chủ đề góp ý (ít nhất 5 ký tự).'],
    ['subject', { subject: 'S'.repeat(201) }, 'loi-subject', 'Chủ đề không quá 200 ký tự.'],
    ['message', { message: '<i>ngắn</i>' }, 'loi-message', 'Vui lòng nhập nội dung góp ý (ít nhất 20 ký tự).'],
    ['message', { message: 'x'.repeat(5001) }, 'loi-message', 'Nội dung góp ý không quá 5000 ký tự.'],
    ['consent', { consent: '' }, 'loi-consent', 'Bạn cần đồng ý để cơ quan tiếp nhận và xử lý thông tin của bạn.'],
    ['captcha', { altcha: '' }, 'loi-altcha', 'Vui lòng hoàn tất bước'],
    ['captcha', { altcha: 'bm90LWEtc29sdXRpb24=' }, 'loi-altcha', 'Mã xác nhận không hợp lệ'],
  ]
  it.each(cases)('a bad %s is shown next to its field, what was typed is kept, nothing is stored', async (_name, overrides, id, message) => {
    const before = await countFeedback(hoabinh)
    const altcha = 'altcha' in overrides ? overrides.altcha! : await feedbackCaptcha()
    const res = await postFeedback(feedbackForm({ ...overrides, altcha, name: overrides.name ?? 'Lê Thị <b>Hoa</b>' }))
    expect(res.status).toBe(400)
    expect(res.text).toMatch(new RegExp(`<p class="field-error" id="${id}">${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(res.text).toContain(`aria-describedby="${id}"`)
    if (overrides.name === undefined) expect(res.text).toContain('value="Lê Thị Hoa"')
    if (!overrides.message) expect(res.text).toContain('Đề nghị bổ sung bộ lọc theo năm ban hành')
    expect(await countFeedback(hoabinh)).toBe(before)
  })

  it('answers 429 in Vietnamese past the hourly limit of an address', async () => {
    const form = async () => feedbackForm({ altcha: await feedbackCaptcha() })
    const send = async () => request(server).post(FEEDBACK_PATH).set('Host', HOABINH_HOST).set('X-Forwarded-For', '10.9.9.9').type('form').send(new URLSearchParams(await form()).toString())
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201)
    const limited = await send()
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toMatch(/^\d+$/)
    expect(limited.text).toContain('Địa chỉ mạng của bạn đã gửi quá nhiều góp ý trong một giờ.')
  })
})

describe('handling feedback', () => {
  let editor: string
  let kontumEditor: string
  beforeAll(async () => {
    editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    kontumEditor = await loginAs(portal.app, demoEmail.editor(KONTUM))
  })
  const patch = (id: number | string, data: Record<string, unknown>) => request(portal.app).patch(`/api/questions/${id}`).set('Authorization', editor).send(data)

  it('goes through the same steps with notes and history, but can never be approved or published', async () => {
    const feedback = await sendFeedback({ subject: 'Góp ý về giờ tiếp dân' })
    for (const change of [{ status: 'assigned', assignedUnit: 'Văn phòng UBND tỉnh' }, { answer: 'Đã chuyển bộ phận tiếp dân xem xét.', internalNotes: [{ note: 'Gọi lại cho người góp ý.' }] }]) {
      const res = await patch(feedback.id, change)
      expect(res.status, res.text).toBe(200)
    }
    for (const status of ['approved', 'published']) {
      const refused = await patch(feedback.id, { status })
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('Góp ý không được duyệt công bố hay công bố trên trang.')
    }
    await expect(portal.payload.update({ collection: 'questions', id: feedback.id, data: { status: 'approved' } })).rejects.toThrow('Góp ý không được duyệt công bố')
    const stored = await portal.payload.findByID({ collection: 'questions', id: feedback.id, depth: 0 })
    expect(stored.status).toBe('answered')
    expect(stored.publishedAt ?? null).toBeNull()
    expect(stored.internalNotes?.map((note) => note.note)).toEqual(['Gọi lại cho người góp ý.'])
    expect(stored.history?.map((entry) => entry.change)).toContain('Trạng thái: Mới tiếp nhận → Đã giao đơn vị')
    const closed = await patch(feedback.id, { status: 'rejected', rejectionReason: 'Đã xử lý xong, không cần trả lời thêm.' })
    expect(closed.status, closed.text).toBe(200)
  })

  it('never reaches /hoi-dap nor the read model, even if its row were marked published', async () => {
    const feedback = await sendFeedback({ subject: 'Góp ý bí mật về cán bộ' })
    // Forced past the handling hook, as a bad import or a hand edit could.
    await portal.payload.db.updateOne({ collection: 'questions', id: feedback.id, data: { status: 'published', publishedAt: new Date().toISOString() } })
    await refreshQuestions(await createLocalReq({}, portal.payload), [feedback.id])
    const slug = feedback.reference.toLowerCase()
    expect(await createSiteReader(readStoreOf(portal.payload)).question(hoabinh, slug)).toBeFalsy()
    const list = await freshPage(() => request(server).get(QUESTIONS_PATH).set('Host', HOABINH_HOST))
    expect(list.status).toBe(200)
    expect(list.text).not.toContain('Góp ý bí mật về cán bộ')
    expect((await request(server).get(`${QUESTIONS_PATH}/${slug}`).set('Host', HOABINH_HOST)).status).toBe(404)
    const search = await request(server).get(`${QUESTIONS_PATH}?q=gop+y+bi+mat`).set('Host', HOABINH_HOST)
    expect(search.text).not.toContain('Góp ý bí mật về cán bộ')
  })

  it('anonymous REST and GraphQL see no feedback', async () => {
    await sendFeedback({ subject: 'Góp ý không công khai' })
    for (const path of ['/api/questions', '/api/questions?where[kind][equals]=feedback']) {
      const res = await request(portal.app).get(path)
      expect(res.status, path).toBe(403)
      expect(res.text).not.toMatch(/hoa\.le|0987|GY-|Góp ý không công khai/)
    }
    const result = await graphql(portal.app, '{ Questions(where: { kind: { equals: feedback } }) { docs { title email phone kind } } }')
    expect(result.data?.Questions ?? null).toBeNull()
    expect(JSON.stringify(result)).not.toMatch(/hoa\.le|0987|GY-|Góp ý không công khai/)
  })

  it('demo content: feedback in every step it can take, assigned to the office picked from the organisation', async () => {
    for (const site of [hoabinh, kontum]) {
      const { docs } = await portal.payload.find({
        collection: 'questions',
        where: { and: [{ site: { equals: site.id } }, { kind: { equals: 'feedback' } }, { title: { equals: 'Góp ý về chuyên mục văn bản' } }] },
        depth: 1,
      })
      expect(docs).toHaveLength(1)
      const office = docs[0]!.organisationUnit as Unit
      expect(office.slug).toMatch(/^van-phong/)
      expect(docs[0]).toMatchObject({ status: 'assigned', assignedUnit: office.name, reference: expect.stringMatching(/^GY-\d{4}-\d{6}$/) })
      const steps = await portal.payload.find({ collection: 'questions', where: { and: [{ site: { equals: site.id } }, { kind: { equals: 'feedback' } }] }, pagination: false, depth: 0, select: { status: true } })
      for (const status of ['new', 'assigned', 'answered', 'rejected']) expect(steps.docs.some((doc) => doc.status === status), `${site.name}: ${status}`).toBe(true)
    }
  })

  it('staff filter the queue by kind, and see only their own site\'s feedback', async () => {
    const mine = await sendFeedback({ subject: 'Góp ý của Hòa Bình' })
    const theirs = await sendFeedback({ subject: 'Góp ý của Kon Tum' }, KONTUM_HOST)
    const path = '/api/questions?where[kind][equals]=feedback&limit=200&depth=0'
    const hoabinhList = await request(portal.app).get(path).set('Authorization', editor)
    expect(hoabinhList.status).toBe(200)
    const hoabinhIds = hoabinhList.body.docs.map((doc: Question) => doc.id)
    expect(hoabinhIds).toContain(mine.id)
    expect(hoabinhIds).not.toContain(theirs.id)
    for (const doc of hoabinhList.body.docs as Question[]) expect(doc).toMatchObject({ kind: 'feedback', site: hoabinh.id })
    const kontumList = await request(portal.app).get(path).set('Authorization', kontumEditor)
    const kontumIds = kontumList.body.docs.map((doc: Question) => doc.id)
    expect(kontumIds).toContain(theirs.id)
    expect(kontumIds).not.toContain(mine.id)
    expect((await request(portal.app).get(`/api/questions/${mine.id}`).set('Authorization', kontumEditor)).status).toBe(404)
    const other = await request(portal.app).patch(`/api/questions/${mine.id}`).set('Authorization', kontumEditor).send({ status: 'assigned', assignedUnit: 'x' })
    expect([403, 404]).toContain(other.status)
  })
})
