import type { Server } from 'node:http'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { QuestionField, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'
import type { SmtpStandIn } from './helpers/smtpStandIn.ts'

import { REFERENCE_HEADER } from '../src/mail/adapter.ts'
import { remindOverdueQuestions } from '../src/participation/overdueReminder.ts'
import { receivedId } from '../src/participation/submission.ts'
import { receivedQuestion, storeQuestion } from '../src/participation/submitQuestion.ts'
import { ASK_QUESTION_PATH, QUESTIONS_PATH } from '../src/site/paths.ts'
import { shownName } from '../src/site/readModel/questions.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM, PASSWORD } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { freshPage } from './helpers/pages.ts'
import { bodyOf, headerOf, startSmtpStandIn } from './helpers/smtpStandIn.ts'
import { countQuestions, createQuestionField, postQuestion, questionCaptcha, questionForm, receiptOf } from './helpers/questions.ts'

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const LIMIT_PER_HOUR = 3

let portal: Portal
let listening: Listening | undefined
let server: Server
let smtp: SmtpStandIn
let hoabinh: Site
let kontum: Site
let land: QuestionField
let kontumField: QuestionField
let health: QuestionField
let ipCounter = 0
const nextIp = () => {
  ipCounter++
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

/** Asks one valid question from a new address and returns the receipt. */
async function ask(overrides: Record<string, string> = {}, host = HOABINH_HOST, fieldId: number | string = land.id) {
  const res = await postQuestion(server, host, questionForm(fieldId, { altcha: await questionCaptcha(server, host), ...overrides }), nextIp())
  expect(res.status, res.text.slice(0, 2000)).toBe(201)
  return receiptOf(res.text)
}

beforeAll(async () => {
  smtp = await startSmtpStandIn()
  portal = await bootPortal({
    seed: true,
    env: { FORM_CAPTCHA_MAX_NUMBER: '2000', QUESTION_LIMIT_PER_HOUR: String(LIMIT_PER_HOUR), SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'hoidap@congtin.local' },
  })
  listening = await listen(portal.app)
  server = listening.server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  land = await createQuestionField(portal.payload, hoabinh, 'Nhà đất (thử)')
  health = await createQuestionField(portal.payload, hoabinh, 'Sức khỏe (thử)', 1)
  kontumField = await createQuestionField(portal.payload, kontum, 'Văn hóa (thử)')
}, 240_000)
afterAll(async () => {
  await listening?.close()
  await portal?.close()
  await smtp?.close()
})

describe('the question form', () => {
  it('lists the fields of its own site and carries the captcha', async () => {
    const res = await request(server).get(ASK_QUESTION_PATH).set('Host', HOABINH_HOST)
    expect(res.status).toBe(200)
    expect(res.text).toContain(`<option value="${land.id}">Nhà đất (thử)</option>`)
    expect(res.text).toContain('Sức khỏe (thử)')
    expect(res.text).not.toContain('Văn hóa (thử)')
    expect(res.text).toContain('<altcha-widget challengeurl="/hoi-dap/gui-cau-hoi/ma-xac-nhan" name="altcha"')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('takes 200 concurrent valid questions: exactly 200 stored, with distinct consecutive references', async () => {
    const before = await countQuestions(portal.payload, hoabinh)
    const forms = await Promise.all(Array.from({ length: 200 }, async () => questionForm(land.id, { altcha: await questionCaptcha(server, HOABINH_HOST) })))
    const responses = await Promise.all(forms.map((form) => postQuestion(server, HOABINH_HOST, form, nextIp())))
    expect(responses.map((res) => res.status)).toEqual(Array(200).fill(201))
    expect(await countQuestions(portal.payload, hoabinh)).toBe(before + 200)
    const references = responses.map((res) => receiptOf(res.text).reference)
    expect(new Set(references).size).toBe(200)
    const year = new Date().getUTCFullYear()
    const numbers = references.map((reference) => Number(reference.replace(new RegExp(`^HĐ-(${year}|${year + 1})-`), ''))).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => before + index + 1))
    const stored = await portal.payload.find({ collection: 'questions', where: { site: { equals: hoabinh.id } }, limit: 0, pagination: false, depth: 0 })
    expect(new Set(stored.docs.map((doc) => doc.reference)).size).toBe(stored.docs.length)
  }, 180_000)

  it('numbers each site on its own', async () => {
    const before = await countQuestions(portal.payload, kontum)
    const { reference } = await ask({}, KONTUM_HOST, kontumField.id)
    expect(reference).toMatch(new RegExp(`^HĐ-\\d{4}-${String(before + 1).padStart(6, '0')}$`))
  })

  it('stores a question through the adapter exactly as payload.create would, text in NFC', async () => {
    const now = new Date()
    const question = {
      field: String(land.id),
      title: 'Hỏi về hộ khẩu'.normalize('NFD'),
      body: 'Xin hỏi thủ tục đăng ký thường trú?'.normalize('NFD'),
      askerName: 'Trần Thị Bình',
      email: 'binh@example.vn',
      phone: '0912 000 111',
      address: 'Phường Phương Lâm',
      nameDisplay: 'full' as const,
      flagged: true,
      flagReason: 'Nhiều liên kết',
      ipHash: 'a'.repeat(64),
      followUpHash: 'b'.repeat(64),
    }
    const req = await createLocalReq({}, portal.payload)
    await initTransaction(req)
    const { reference } = await storeQuestion(portal.payload, req, hoabinh, question, now)
    const storedId = await receivedId(portal.payload, req, hoabinh.id, reference)
    await commitTransaction(req)
    const created = await portal.payload.create({ collection: 'questions', data: { ...receivedQuestion(hoabinh, question, 'HĐ-THU-000001', now), followUpHash: 'c'.repeat(64) }, overrideAccess: true, depth: 0 })

    const read = async (id: number | string) => {
      // Unique to each record: the id, the reference and the follow-up link's hash.
      const { id: _id, reference: _reference, followUpHash: _followUpHash, createdAt, updatedAt, ...rest } = await portal.payload.findByID({ collection: 'questions', id, overrideAccess: true, depth: 0 })
      for (const stamp of [createdAt, updatedAt]) expect(Date.parse(stamp)).toBeGreaterThanOrEqual(now.getTime() - 1000)
      return rest
    }
    const stored = await read(storedId)
    expect(stored).toEqual(await read(created.id))
    expect(stored.title).toBe('Hỏi về hộ khẩu'.normalize('NFC'))
    expect((await portal.payload.findByID({ collection: 'questions', id: storedId, overrideAccess: true, depth: 0 })).followUpHash).toBe('b'.repeat(64))
    expect(stored).toMatchObject({ site: hoabinh.id, field: land.id, status: 'new', kind: 'question', flagged: true, email: 'binh@example.vn' })
    await portal.payload.delete({ collection: 'questions', id: created.id, overrideAccess: true })
  })

  it('accepts one captcha solution once: replayed 20 times, 1 question is stored', async () => {
    const before = await countQuestions(portal.payload, hoabinh)
    const form = questionForm(land.id, { altcha: await questionCaptcha(server, HOABINH_HOST) })
    const responses = await Promise.all(Array.from({ length: 20 }, () => postQuestion(server, HOABINH_HOST, form, nextIp())))
    expect(responses.filter((res) => res.status === 201)).toHaveLength(1)
    const refused = responses.filter((res) => res.status !== 201)
    expect(refused.map((res) => res.status)).toEqual(Array(19).fill(400))
    for (const res of refused) expect(res.text).toContain('Mã xác nhận này đã được sử dụng')
    expect(await countQuestions(portal.payload, hoabinh)).toBe(before + 1)
  })

  it('offers a new field at once and refuses a removed one, though the list is kept between submissions', async () => {
    const form = () => request(server).get(ASK_QUESTION_PATH).set('Host', HOABINH_HOST)
    expect((await form()).text).not.toContain('Giao thông (thử)')
    const traffic = await createQuestionField(portal.payload, hoabinh, 'Giao thông (thử)', 2)
    expect((await form()).text).toContain(`<option value="${traffic.id}">Giao thông (thử)</option>`)
    await ask({}, HOABINH_HOST, traffic.id)

    await portal.payload.delete({ collection: 'question-fields', id: traffic.id })
    const before = await countQuestions(portal.payload, hoabinh)
    const res = await postQuestion(server, HOABINH_HOST, questionForm(traffic.id, { altcha: await questionCaptcha(server, HOABINH_HOST) }), nextIp())
    expect(res.status).toBe(400)
    expect(res.text).toContain('Vui lòng chọn lĩnh vực')
    expect(await countQuestions(portal.payload, hoabinh)).toBe(before)
  })

  it('refuses a captcha of another site', async () => {
    const res = await postQuestion(server, HOABINH_HOST, questionForm(land.id, { altcha: await questionCaptcha(server, KONTUM_HOST) }), nextIp())
    expect(res.status).toBe(400)
    expect(res.text).toContain('Mã xác nhận không dành cho biểu mẫu này')
  })

  const cases: [string, Record<string, string>, string, string][] = [
    ['name', { name: '' }, 'loi-name', 'Vui lòng nhập họ và tên.'],
    ['name', { name: 'A'.repeat(101) }, 'loi-name', 'Họ và tên không quá 100 ký tự.'],
    ['email and phone', { email: '', phone: '' }, 'loi-email', 'Vui lòng nhập thư điện tử hoặc số điện thoại để nhận trả lời.'],
    ['email', { email: 'an.nguyen@', phone: '' }, 'loi-email', 'Địa chỉ thư điện tử không hợp lệ'],
    ['phone', { phone: '12345' }, 'loi-phone', 'Số điện thoại không hợp lệ'],
    ['address', { address: 'x'.repeat(201) }, 'loi-address', 'Địa chỉ không quá 200 ký tự.'],
    ['field', { field: '999999' }, 'loi-field', 'Vui lòng chọn lĩnh vực của câu hỏi.'],
    ['title', { title: 'Hỏi' }, 'loi-title', 'Vui lòng nhập tiêu đề (ít nhất 5 ký tự).'],
    ['title', { title: 'T'.repeat(201) }, 'loi-title', 'Tiêu đề không quá 200 ký tự.'],
    ['body', { body: '<b>ngắn</b>' }, 'loi-body', 'Vui lòng nhập nội dung câu hỏi (ít nhất 20 ký tự).'],
    ['body', { body: 'x'.repeat(5001) }, 'loi-body', 'Nội dung câu hỏi không quá 5000 ký tự.'],
    ['consent', { consent: '' }, 'loi-consent', 'Bạn cần đồng ý để cơ quan tiếp nhận và xử lý thông tin của bạn.'],
    ['consent to publish', { consentPublish: '' }, 'loi-consentPublish', 'Bạn cần đồng ý để câu hỏi và câu trả lời được công bố'],
    ['name display', { nameDisplay: 'email' }, 'loi-nameDisplay', 'Vui lòng chọn cách hiển thị tên khi công bố.'],
    ['captcha', { altcha: '' }, 'loi-altcha', 'Vui lòng hoàn tất bước'],
    ['captcha', { altcha: 'bm90LWEtc29sdXRpb24=' }, 'loi-altcha', 'Mã xác nhận không hợp lệ'],
  ]
  it.each(cases)('a bad %s is shown next to its field, the rest is kept, nothing is stored', async (_name, overrides, id, message) => {
    const before = await countQuestions(portal.payload, hoabinh)
    const altcha = 'altcha' in overrides ? overrides.altcha! : await questionCaptcha(server, HOABINH_HOST)
    const res = await postQuestion(server, HOABINH_HOST, questionForm(land.id, { ...overrides, altcha, title: overrides.title ?? 'Hỏi về giấy tờ <i>nhà đất</i>' }), nextIp())
    expect(res.status).toBe(400)
    expect(res.text).toMatch(new RegExp(`<p class="field-error" id="${id}">${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(res.text).toContain(`aria-describedby="${id}"`)
    if (!overrides.title) expect(res.text).toContain('value="Hỏi về giấy tờ nhà đất"')
    expect(await countQuestions(portal.payload, hoabinh)).toBe(before)
  })

  it('strips HTML and flags many links for review without dropping the question', async () => {
    const links = 'Xem http://a.example http://b.example http://c.example http://d.example giúp tôi.'
    const { reference } = await ask({ title: '<script>alert(1)</script>Hỏi về <b>đất</b>', body: `<p>${links}</p>` })
    const stored = await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })
    const question = stored.docs[0]!
    expect(question.title).toBe('alert(1) Hỏi về đất')
    expect(question.body).toBe(links)
    expect(question.flagged).toBe(true)
    expect(question.flagReason).toBe('Có 4 đường liên kết')
    expect(question.status).toBe('new')
  })

  it('answers 429 in Vietnamese past the hourly limit of an address, an IPv6 /64 counting as one', async () => {
    const addresses = ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::77']
    const statuses: number[] = []
    let last = ''
    for (const ip of addresses) {
      const res = await postQuestion(server, HOABINH_HOST, questionForm(land.id, { altcha: await questionCaptcha(server, HOABINH_HOST) }), ip)
      statuses.push(res.status)
      last = res.text
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    expect(last).toContain('Địa chỉ mạng của bạn đã gửi quá nhiều câu hỏi trong một giờ')
    expect(last).toContain('value="Thủ tục cấp giấy chứng nhận quyền sử dụng đất"')
    const other = await postQuestion(server, HOABINH_HOST, questionForm(land.id, { altcha: await questionCaptcha(server, HOABINH_HOST) }), '2001:db8:1:3::1')
    expect(other.status).toBe(201)
  })
})

describe('the follow-up link', () => {
  it('shows the status to its holder only, and follows the handling', async () => {
    const { reference, followUp } = await ask()
    const first = await request(server).get(followUp).set('Host', HOABINH_HOST)
    expect(first.status).toBe(200)
    expect(first.headers['referrer-policy']).toBe('no-referrer')
    expect(first.text).toContain(reference)
    expect(first.text).toContain('Đã tiếp nhận, đang chờ phân công xử lý.')
    expect(first.text).not.toContain('an.nguyen@example.vn')

    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    await portal.payload.update({ collection: 'questions', id: question!.id, data: { status: 'assigned', assignedUnit: 'Sở Tài nguyên và Môi trường' } })
    const assigned = await request(server).get(followUp).set('Host', HOABINH_HOST)
    expect(assigned.text).toContain('Đang được xử lý bởi Sở Tài nguyên và Môi trường.')

    const token = followUp.split('/').pop()!
    const forged = `${followUp.slice(0, -token.length)}${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    expect((await request(server).get(forged).set('Host', HOABINH_HOST)).status).toBe(404)
    expect((await request(server).get(followUp).set('Host', KONTUM_HOST)).status).toBe(404)
    expect((await request(server).get('/hoi-dap/tra-cuu/khong-hop-le').set('Host', HOABINH_HOST)).status).toBe(404)
  })
})

describe('handling and access', () => {
  const TNMT = 'Sở Tài nguyên và Môi trường'
  let editor: string
  let answererA: string
  let answererB: string
  let answererKontum: string
  let answererAId: number | string

  /** A question of the site, assigned to `unit` (through the Local API, as an editor would). */
  async function assignedQuestion(site: Site, fieldId: number | string, unit: string) {
    const host = site.id === hoabinh.id ? HOABINH_HOST : KONTUM_HOST
    const { reference } = await ask({}, host, fieldId)
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference }, site: { equals: site.id } }, depth: 0 })).docs
    return portal.payload.update({ collection: 'questions', id: question!.id, data: { status: 'assigned', assignedUnit: unit }, depth: 0 })
  }
  async function createAnswerer(email: string, unit: string, site: Site) {
    return portal.payload.create({ collection: 'users', data: { email, password: PASSWORD, name: email, role: 'answerer', unit, sites: [{ site: site.id }] } })
  }
  const api = (method: 'get' | 'patch', path: string, authorization?: string) => {
    const req = request(portal.app)[method](path)
    return authorization ? req.set('Authorization', authorization) : req
  }

  beforeAll(async () => {
    answererAId = (await createAnswerer('tnmt.hoabinh@congtin.local', TNMT, hoabinh)).id
    await createAnswerer('yte.hoabinh@congtin.local', 'Sở Y tế', hoabinh)
    await createAnswerer('tnmt.kontum@congtin.local', TNMT, kontum)
    editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    answererA = await loginAs(portal.app, 'tnmt.hoabinh@congtin.local')
    answererB = await loginAs(portal.app, 'yte.hoabinh@congtin.local')
    answererKontum = await loginAs(portal.app, 'tnmt.kontum@congtin.local')
  })

  it('an answerer reads and answers only the questions assigned to their unit on their site', async () => {
    const mine = await assignedQuestion(hoabinh, land.id, TNMT)
    const health = await assignedQuestion(hoabinh, land.id, 'Sở Y tế')
    const kontumQuestion = await assignedQuestion(kontum, kontumField.id, TNMT)

    const list = await api('get', '/api/questions?limit=100&depth=0', answererA)
    expect(list.status).toBe(200)
    const ids = list.body.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(health.id)
    expect(ids).not.toContain(kontumQuestion.id)
    for (const visible of list.body.docs) {
      expect(visible).toMatchObject({ assignedUnit: TNMT, site: hoabinh.id })
      for (const personal of ['email', 'phone', 'address', 'askerName', 'ipHash', 'followUpHash']) expect(visible).not.toHaveProperty(personal)
    }

    expect((await api('get', `/api/questions/${health.id}`, answererA)).status).toBe(404)
    expect((await api('get', `/api/questions/${kontumQuestion.id}`, answererA)).status).toBe(404)
    expect((await api('get', `/api/questions/${mine.id}`, answererKontum)).status).toBe(404)

    const other = await api('patch', `/api/questions/${health.id}`, answererA).send({ answer: 'Trả lời nhầm đơn vị' })
    expect([403, 404]).toContain(other.status)
    const otherSite = await api('patch', `/api/questions/${kontumQuestion.id}`, answererA).send({ answer: 'Trả lời nhầm trang' })
    expect([403, 404]).toContain(otherSite.status)
    const wrongUnit = await api('patch', `/api/questions/${mine.id}`, answererB).send({ answer: 'Trả lời nhầm' })
    expect([403, 404]).toContain(wrongUnit.status)

    const answered = await api('patch', `/api/questions/${mine.id}`, answererA).send({ answer: 'Hồ sơ gồm đơn đề nghị và giấy tờ về quyền sử dụng đất.', status: 'published' })
    expect(answered.status, answered.text).toBe(200)
    const stored = await portal.payload.findByID({ collection: 'questions', id: mine.id, depth: 0 })
    expect(stored.status).toBe('answered')
    expect(stored.answeredBy).toBe(answererAId)
    expect(stored.history?.at(-1)).toMatchObject({ by: answererAId, change: expect.stringContaining('Trả lời: Hồ sơ gồm đơn đề nghị') })
    expect(stored.history?.some((entry) => entry.change === 'Trạng thái: Đã giao đơn vị → Đã trả lời')).toBe(true)
    for (const untouched of [health, kontumQuestion]) {
      expect((await portal.payload.findByID({ collection: 'questions', id: untouched.id, depth: 0 })).answer ?? null).toBeNull()
    }
  })

  it('editors move a question through the steps only, with a reason to reject; every change is in the history', async () => {
    const { reference } = await ask()
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    const path = `/api/questions/${question!.id}`
    const skip = await api('patch', path, editor).send({ status: 'published' })
    expect(skip.status).toBe(400)
    expect(JSON.stringify(skip.body)).toContain('Không thể chuyển từ \\"Mới tiếp nhận\\" sang \\"Đã công bố\\"')
    const noReason = await api('patch', path, editor).send({ status: 'rejected' })
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.body)).toContain('Vui lòng nêu lý do từ chối.')
    for (const change of [{ status: 'assigned', assignedUnit: 'Sở Xây dựng' }, { answer: 'Câu trả lời của Sở Xây dựng.' }, { status: 'approved' }]) {
      const res = await api('patch', path, editor).send(change)
      expect(res.status, res.text).toBe(200)
    }
    const published = await api('patch', path, editor).send({ status: 'published', internalNotes: [{ note: 'Đã kiểm tra nội dung.' }] })
    expect(published.status, published.text).toBe(200)
    const stored = await portal.payload.findByID({ collection: 'questions', id: question!.id, depth: 0 })
    expect(stored.status).toBe('published')
    expect(stored.publishedAt).toBeTruthy()
    const editorUser = await findUser(portal.payload, demoEmail.editor(HOABINH))
    expect(stored.history?.map((entry) => [entry.by, entry.change])).toEqual([
      [editorUser.id, 'Trạng thái: Mới tiếp nhận → Đã giao đơn vị'],
      [editorUser.id, 'Giao đơn vị: Sở Xây dựng'],
      [editorUser.id, 'Trạng thái: Đã giao đơn vị → Đã trả lời'],
      [editorUser.id, 'Trả lời: Câu trả lời của Sở Xây dựng.'],
      [editorUser.id, 'Trạng thái: Đã trả lời → Đã duyệt'],
      [editorUser.id, 'Trạng thái: Đã duyệt → Đã công bố'],
      [editorUser.id, 'Cập nhật ghi chú nội bộ'],
    ])
  })

  it('counts working days since receipt and marks a question overdue past the deadline', async () => {
    const { reference } = await ask()
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    expect(question!.overdue).toBe(false)
    // Four weeks ago: 20 working days, past the default 10.
    await portal.payload.db.updateOne({ collection: 'questions', id: question!.id, data: { receivedAt: new Date(Date.now() - 28 * 86_400_000).toISOString() } })
    const late = await api('get', `/api/questions/${question!.id}?depth=0`, editor)
    expect(late.body.workingDaysOpen).toBe(20)
    expect(late.body.overdue).toBe(true)
  })

  it("assigns from the site's organisation: the unit's name is copied, follows a rename, and scopes the answerer", async () => {
    const unitData = (site: Site, name: string, slug: string) => ({ site: site.id, name, slug, kind: 'department' as const, _status: 'published' as const })
    const justice = await portal.payload.create({ collection: 'units', data: unitData(hoabinh, 'Sở Tư pháp (thử)', 'so-tu-phap-thu'), depth: 0 })
    const kontumUnit = await portal.payload.create({ collection: 'units', data: unitData(kontum, 'Sở Tư pháp Kon Tum (thử)', 'so-tu-phap-kon-tum-thu'), depth: 0 })
    const answerer = await portal.payload.create({
      collection: 'users',
      data: { email: 'tuphap.hoabinh@congtin.local', password: PASSWORD, name: 'Cán bộ Sở Tư pháp', role: 'answerer', organisationUnit: justice.id, sites: [{ site: hoabinh.id }] },
    })
    expect(answerer.unit).toBe('Sở Tư pháp (thử)')
    const otherSiteUser = portal.payload.create({
      collection: 'users',
      data: { email: 'nham.trang@congtin.local', password: PASSWORD, name: 'Nhầm trang', role: 'answerer', organisationUnit: kontumUnit.id, sites: [{ site: hoabinh.id }] },
    })
    await expect(otherSiteUser).rejects.toThrow('Đơn vị được chọn không thuộc cơ cấu tổ chức của trang này.')

    const { reference } = await ask()
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    const path = `/api/questions/${question!.id}`
    const wrongSite = await api('patch', path, editor).send({ status: 'assigned', organisationUnit: kontumUnit.id })
    expect(wrongSite.status).toBe(400)
    expect(JSON.stringify(wrongSite.body)).toContain('Đơn vị được chọn không thuộc cơ cấu tổ chức của trang này.')
    expect((await portal.payload.findByID({ collection: 'questions', id: question!.id, depth: 0 })).status).toBe('new')

    // The admin form sends the stale name beside the chosen unit: the unit wins.
    const assigned = await api('patch', `${path}?depth=0`, editor).send({ status: 'assigned', organisationUnit: justice.id, assignedUnit: 'Tên gõ tay' })
    expect(assigned.status, assigned.text).toBe(200)
    expect(assigned.body.doc).toMatchObject({ assignedUnit: 'Sở Tư pháp (thử)', organisationUnit: justice.id })
    const answererToken = await loginAs(portal.app, 'tuphap.hoabinh@congtin.local')
    const before = await api('get', '/api/questions?limit=100&depth=0', answererToken)
    expect(before.body.docs.map((doc: { id: number }) => doc.id)).toEqual([question!.id])

    await portal.payload.update({ collection: 'units', id: justice.id, data: { name: 'Sở Tư pháp tỉnh (thử)', _status: 'published' }, depth: 0 })
    const renamed = await portal.payload.findByID({ collection: 'questions', id: question!.id, depth: 0 })
    expect(renamed.assignedUnit).toBe('Sở Tư pháp tỉnh (thử)')
    expect(renamed.history?.at(-1)?.change).toBe('Giao đơn vị: Sở Tư pháp tỉnh (thử)')
    expect((await portal.payload.findByID({ collection: 'users', id: answerer.id, depth: 0 })).unit).toBe('Sở Tư pháp tỉnh (thử)')
    const after = await api('get', '/api/questions?limit=100&depth=0', answererToken)
    expect(after.body.docs.map((doc: { id: number }) => doc.id)).toEqual([question!.id])
    // A name in English only is not the one access compares.
    await portal.payload.update({ collection: 'units', id: justice.id, locale: 'en', data: { name: 'Department of Justice' }, depth: 0 })
    expect((await portal.payload.findByID({ collection: 'questions', id: question!.id, depth: 0 })).assignedUnit).toBe('Sở Tư pháp tỉnh (thử)')

    // A body outside the organisation is still written by hand.
    const { reference: outside } = await ask()
    const [court] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: outside } }, depth: 0 })).docs
    const byHand = await api('patch', `/api/questions/${court!.id}?depth=0`, editor).send({ status: 'assigned', assignedUnit: 'Tòa án nhân dân huyện Lạc Sơn' })
    expect(byHand.status, byHand.text).toBe(200)
    expect(byHand.body.doc).toMatchObject({ assignedUnit: 'Tòa án nhân dân huyện Lạc Sơn', organisationUnit: null })
  })

  it("tells each site's editors once of what waits past the deadline, in one e-mail per site", async () => {
    // References are numbered per site, so the messages are checked by each question's admin link.
    const received = async (host: string, fieldId: number | string) => {
      const { reference } = await ask({}, host, fieldId)
      const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
      return question!.id
    }
    const aged = async (host: string, fieldId: number | string) => {
      const id = await received(host, fieldId)
      await portal.payload.db.updateOne({ collection: 'questions', id, data: { receivedAt: new Date(Date.now() - 28 * 86_400_000).toISOString() } })
      return id
    }
    const link = (id: number | string) => new RegExp(`/admin/collections/questions/${id}$`, 'm')
    const lateHoabinh = await aged(HOABINH_HOST, land.id)
    const lateKontum = await aged(KONTUM_HOST, kontumField.id)
    const fresh = await received(HOABINH_HOST, land.id)
    const sentBefore = smtp.received.length

    const first = await remindOverdueQuestions(portal.payload)
    expect(first.messages).toBe(2)
    const reminded = await portal.payload.find({ collection: 'questions', where: { overdueRemindedAt: { exists: true } }, pagination: false, depth: 0, select: { reference: true } })
    expect(reminded.docs).toHaveLength(first.questions)
    expect(reminded.docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([lateHoabinh, lateKontum]))
    expect(reminded.docs.map((doc) => doc.id)).not.toContain(fresh)

    const mails = await vi.waitFor(
      () => {
        const found = smtp.received.slice(sentBefore).filter((mail) => headerOf(mail, 'Subject')?.startsWith('Hỏi đáp quá hạn trả lời'))
        expect(found).toHaveLength(2)
        return found
      },
      { timeout: 10_000, interval: 50 },
    )
    const toHoabinh = mails.find((mail) => mail.to.includes(demoEmail.editor(HOABINH)))!
    const toKontum = mails.find((mail) => mail.to.includes(demoEmail.editor(KONTUM)))!
    expect(toHoabinh.to).not.toContain(demoEmail.editor(KONTUM))
    expect(headerOf(toHoabinh, 'Subject')).toMatch(new RegExp(`^Hỏi đáp quá hạn trả lời: \\d+ mục trên ${hoabinh.name}$`))
    expect(bodyOf(toHoabinh)).toMatch(link(lateHoabinh))
    expect(bodyOf(toHoabinh)).toMatch(/: 20 ngày làm việc, chưa giao đơn vị$/m)
    expect(bodyOf(toHoabinh)).not.toMatch(link(lateKontum))
    expect(bodyOf(toHoabinh)).not.toMatch(link(fresh))
    expect(bodyOf(toKontum)).toMatch(link(lateKontum))
    expect(bodyOf(toKontum)).not.toMatch(link(lateHoabinh))
    const lateReference = (await portal.payload.findByID({ collection: 'questions', id: lateHoabinh, depth: 0 })).reference
    expect(headerOf(toHoabinh, REFERENCE_HEADER)?.split(', ')).toContain(lateReference)

    expect(await remindOverdueQuestions(portal.payload)).toEqual({ questions: 0, messages: 0 })
    expect(smtp.received.length).toBe(sentBefore + 2)
  })

  it('anonymous REST and GraphQL see no question, contact detail or internal note', async () => {
    for (const path of ['/api/questions', '/api/questions?where[status][equals]=published', '/api/question-counters', '/api/form-challenges']) {
      const res = await request(portal.app).get(path)
      expect(res.status, path).toBe(403)
      expect(res.text).not.toMatch(/an\.nguyen|0912|Đồng Tâm|HĐ-/)
    }
    const [any] = (await portal.payload.find({ collection: 'questions', limit: 1, depth: 0 })).docs
    expect((await request(portal.app).get(`/api/questions/${any!.id}`)).status).toBe(403)
    const result = await graphql(portal.app, '{ Questions { docs { title email phone address internalNotes { note } } } }')
    expect(result.data?.Questions ?? null).toBeNull()
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(result)).not.toMatch(/an\.nguyen|0912|Đồng Tâm|HĐ-/)
  })
})

describe('published questions', () => {
  let editor: string
  beforeAll(async () => {
    editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  })

  /** Asks, then takes the question through every step to published as the site's editor. */
  async function publishedQuestion(overrides: Record<string, string>, unit: string, answer: string, fieldId: number | string = land.id) {
    const { reference } = await ask(overrides, HOABINH_HOST, fieldId)
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference }, site: { equals: hoabinh.id } }, depth: 0 })).docs
    for (const change of [{ status: 'assigned', assignedUnit: unit }, { answer }, { status: 'approved' }, { status: 'published' }]) {
      const res = await request(portal.app).patch(`/api/questions/${question!.id}`).set('Authorization', editor).send(change)
      expect(res.status, res.text).toBe(200)
    }
    return { id: question!.id, reference, slug: reference.toLowerCase().replace('đ', 'd') }
  }

  it('shows the asker as they agreed: initials, full name or none', () => {
    expect(shownName('Nguyễn Văn An', 'initials')).toBe('N.V.A.')
    expect(shownName('đặng thị bình', 'initials')).toBe('Đ.T.B.')
    expect(shownName('Nguyễn Văn An', 'full')).toBe('Nguyễn Văn An')
    expect(shownName('Nguyễn Văn An', 'anonymous')).toBe('Người hỏi giấu tên')
  })

  it('lists published pairs by field and date, finds them without accents, and never shows contact details', async () => {
    await ask({ title: 'Câu hỏi chưa công bố về thuế đất' })
    const listBefore = await request(server).get(QUESTIONS_PATH).set('Host', HOABINH_HOST)
    expect(listBefore.status).toBe(200)
    const first = await publishedQuestion({ title: 'Đăng ký hộ kinh doanh cá thể ở đâu?' }, 'Sở Kế hoạch và Đầu tư', 'Hồ sơ nộp tại bộ phận một cửa cấp huyện.')
    const second = await publishedQuestion({ title: 'Tiêm chủng mở rộng cho trẻ', nameDisplay: 'full', name: 'Trần Thị Bích' }, 'Sở Y tế', 'Trạm y tế xã tiêm miễn phí.', health.id)

    const list = await freshPage(() => request(server).get(QUESTIONS_PATH).set('Host', HOABINH_HOST))
    expect(list.status).toBe(200)
    expect(list.text).toContain('Đăng ký hộ kinh doanh cá thể ở đâu?')
    expect(list.text).toContain('Tiêm chủng mở rộng cho trẻ')
    expect(list.text.indexOf('Tiêm chủng mở rộng cho trẻ')).toBeLessThan(list.text.indexOf('Đăng ký hộ kinh doanh cá thể ở đâu?'))
    expect(list.text).toContain('N.V.A.')
    expect(list.text).toContain('Trần Thị Bích')
    for (const personal of ['Nguyễn Văn An', 'an.nguyen@example.vn', '0912', 'Đồng Tâm']) expect(list.text).not.toContain(personal)
    // Questions not yet published are not listed.
    expect(list.text).not.toContain('Câu hỏi chưa công bố về thuế đất')

    const byField = await request(server).get(`${QUESTIONS_PATH}?linh-vuc=${health.id}`).set('Host', HOABINH_HOST)
    expect(byField.text).toContain('Tiêm chủng mở rộng cho trẻ')
    expect(byField.text).not.toContain('Đăng ký hộ kinh doanh cá thể ở đâu?')
    const search = await request(server).get(`${QUESTIONS_PATH}?q=dang+ky+ho+kinh+doanh`).set('Host', HOABINH_HOST)
    expect(search.text).toContain('Đăng ký hộ kinh doanh cá thể ở đâu?')
    expect(search.text).not.toContain('Tiêm chủng mở rộng')
    expect((await request(server).get(`${QUESTIONS_PATH}?linh-vuc=abc;drop`).set('Host', HOABINH_HOST)).status).toBe(400)
    expect((await request(server).get(QUESTIONS_PATH).set('Host', KONTUM_HOST)).text).not.toContain('Đăng ký hộ kinh doanh cá thể ở đâu?')

    const page = await request(server).get(`${QUESTIONS_PATH}/${first.slug}`).set('Host', HOABINH_HOST)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Hồ sơ nộp tại bộ phận một cửa cấp huyện.')
    expect(page.text).toContain('Trả lời của Sở Kế hoạch và Đầu tư')
    expect(page.text).toContain(first.reference)
    for (const personal of ['Nguyễn Văn An', 'an.nguyen@example.vn', '0912', 'Đồng Tâm']) expect(page.text).not.toContain(personal)
    expect((await request(server).get(`${QUESTIONS_PATH}/${first.slug}`).set('Host', KONTUM_HOST)).status).toBe(404)

    // Taken back: gone from the listing and its page (the cached pages are purged).
    const back = await request(portal.app).patch(`/api/questions/${first.id}`).set('Authorization', editor).send({ status: 'approved' })
    expect(back.status).toBe(200)
    expect((await freshPage(() => request(server).get(`${QUESTIONS_PATH}/${first.slug}`).set('Host', HOABINH_HOST))).status).toBe(404)
    expect((await freshPage(() => request(server).get(QUESTIONS_PATH).set('Host', HOABINH_HOST))).text).not.toContain('Đăng ký hộ kinh doanh cá thể ở đâu?')
    expect(second.reference).toMatch(/^HĐ-/)
  })

  it('e-mails the asker when the answer is published, with the reference', async () => {
    const { reference } = await publishedQuestion({ email: 'hoi.dap.test@example.vn', title: 'Hỏi về học bổng sinh viên' }, 'Sở Giáo dục và Đào tạo', 'Học bổng xét theo học kỳ.')
    const mail = await vi.waitFor(
      () => {
        const found = smtp.received.find((message) => message.to.includes('hoi.dap.test@example.vn'))
        expect(found).toBeTruthy()
        return found!
      },
      { timeout: 10_000, interval: 50 },
    )
    expect(smtp.received.filter((message) => message.to.includes('hoi.dap.test@example.vn'))).toHaveLength(1)
    expect(headerOf(mail, REFERENCE_HEADER)).toBe(reference)
    expect(headerOf(mail, 'Subject')).toBe(`Câu hỏi ${reference} đã được trả lời`)
  })

  it('demo content: published pairs in several fields, one question in every other step', async () => {
    const list = await request(server).get(QUESTIONS_PATH).set('Host', KONTUM_HOST)
    for (const title of ['Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu', 'Lịch tiêm chủng mở rộng cho trẻ dưới 1 tuổi', 'Đăng ký hộ kinh doanh nộp hồ sơ ở đâu?']) {
      expect(list.text).toContain(title)
    }
    const steps = await portal.payload.find({ collection: 'questions', where: { site: { equals: kontum.id } }, limit: 0, pagination: false, depth: 0, select: { status: true } })
    for (const status of ['new', 'assigned', 'answered', 'approved', 'published', 'rejected']) expect(steps.docs.some((doc) => doc.status === status), status).toBe(true)
  })

  it('links "Hỏi đáp" from the menu', async () => {
    const home = await request(server).get('/').set('Host', HOABINH_HOST)
    expect(home.text).toContain(`<a href="${QUESTIONS_PATH}">Hỏi đáp</a>`)
  })
})
