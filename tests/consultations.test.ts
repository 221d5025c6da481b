import type { Server } from 'node:http'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Consultation, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { consultationCommentPath, consultationPath, CONSULTATIONS_PATH } from '../src/site/paths.ts'
import { createSiteReader } from '../src/site/readModel/reader.ts'
import { rebuildReadModel } from '../src/site/readModel/rebuild.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { commentCaptcha, commentForm, countComments, createConsultation, postComment } from './helpers/consultations.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { freshPage } from './helpers/pages.ts'

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const LIMIT_PER_HOUR = 3

let portal: Portal
let listening: Listening | undefined
let server: Server
let hoabinh: Site
let kontum: Site
let open: Consultation
let closed: Consultation
let draft: Consultation
let kontumOpen: Consultation
let ipCounter = 0
const nextIp = () => {
  ipCounter++
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}

const page = (path: string, host = HOABINH_HOST) => freshPage(() => request(server).get(path).set('Host', host))

/** Sends one valid comment (with overrides) to the open draft from a new address. */
async function comment(overrides: Record<string, string> = {}) {
  return postComment(server, HOABINH_HOST, open.slug!, commentForm({ altcha: await commentCaptcha(server, HOABINH_HOST, open.slug!), ...overrides }), nextIp())
}

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { FORM_CAPTCHA_MAX_NUMBER: '2000', QUESTION_LIMIT_PER_HOUR: String(LIMIT_PER_HOUR) } })
  listening = await listen(portal.app)
  server = listening.server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  open = await createConsultation(portal.payload, hoabinh, 'Dự thảo quy định về thu gom rác (thử)', { closesInDays: 5 })
  closed = await createConsultation(portal.payload, hoabinh, 'Dự thảo quy định về chợ nông thôn (thử)', { opensInDays: -40, closesInDays: -10, report: 'Cơ quan soạn thảo đã tiếp thu ý kiến về giờ họp chợ (thử).' })
  draft = await createConsultation(portal.payload, hoabinh, 'Dự thảo chưa công bố (thử)', { status: 'draft' })
  kontumOpen = await createConsultation(portal.payload, kontum, 'Dự thảo của Kon Tum (thử)', { closesInDays: 5 })
  for (const [index, status] of (['approved', 'new', 'rejected'] as const).entries()) {
    await portal.payload.create({
      collection: 'consultation-comments',
      data: { site: hoabinh.id, consultation: closed.id, status, receivedAt: new Date().toISOString(), name: `Người góp ý ${index + 1}`, email: `nguoi${index}@example.vn`, comment: `Ý kiến số ${index + 1} về giờ họp chợ.` },
    })
  }
}, 240_000)
afterAll(async () => {
  await listening?.close()
  await portal?.close()
})

describe('the list and the pages', () => {
  it('lists open drafts first with their close dates, then closed ones; never drafts or other sites', async () => {
    const res = await page(CONSULTATIONS_PATH)
    expect(res.status).toBe(200)
    const openAt = res.text.indexOf('Dự thảo quy định về thu gom rác (thử)')
    const closedAt = res.text.indexOf('Dự thảo quy định về chợ nông thôn (thử)')
    expect(openAt).toBeGreaterThan(res.text.indexOf('Đang lấy ý kiến'))
    expect(closedAt).toBeGreaterThan(res.text.indexOf('Đã kết thúc lấy ý kiến'))
    expect(openAt).toBeLessThan(closedAt)
    expect(res.text).toContain('Hạn góp ý:')
    expect(res.text).not.toContain('Dự thảo chưa công bố (thử)')
    expect(res.text).not.toContain('Dự thảo của Kon Tum (thử)')
    expect(res.text).toContain(`href="${CONSULTATIONS_PATH}"`)
  })

  it("shows a draft's summary, points and the form while open; site A's draft is not on site B", async () => {
    const res = await page(consultationPath(open.slug!))
    expect(res.status).toBe(200)
    expect(res.text).toContain('Tóm tắt của Dự thảo quy định về thu gom rác (thử).')
    expect(res.text).toContain('Phạm vi điều chỉnh (Điều 1)')
    expect(res.text).toContain(`action="${consultationCommentPath(open.slug!)}" method="post"`)
    expect(res.text).toContain('Gửi ý kiến góp ý')
    expect((await page(consultationPath(open.slug!), KONTUM_HOST)).status).toBe(404)
    expect((await page(consultationPath(kontumOpen.slug!), HOABINH_HOST)).status).toBe(404)
    expect((await page(consultationPath(draft.slug!))).status).toBe(404)
  })
})

describe('the comment form', () => {
  it('stores a valid comment, shows it only once approved, and never its contact details', async () => {
    const before = await countComments(portal.payload, open)
    const res = await comment({ point: (open.points ?? [])[1]!.id!, comment: 'Đề nghị giao <b>Ủy ban nhân dân xã</b> tổ chức thực hiện.' })
    expect(res.status, res.text.slice(0, 1500)).toBe(201)
    expect(res.text).toContain('Đã nhận ý kiến góp ý')
    expect(await countComments(portal.payload, open)).toBe(before + 1)
    const [stored] = (await portal.payload.find({ collection: 'consultation-comments', where: { consultation: { equals: open.id } }, sort: '-receivedAt', limit: 1, depth: 0 })).docs
    expect(stored).toMatchObject({ status: 'new', name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678', pointTitle: 'Trách nhiệm thi hành (Điều 9)' })
    expect(stored!.comment).toBe('Đề nghị giao Ủy ban nhân dân xã tổ chức thực hiện.')
    expect(stored!.site).toBe(hoabinh.id)

    const unapproved = await page(consultationPath(open.slug!))
    expect(unapproved.text).not.toContain('Đề nghị giao Ủy ban nhân dân xã')

    const reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
    expect((await request(portal.app).patch(`/api/consultation-comments/${stored!.id}`).set('Authorization', reporter).send({ status: 'approved' })).status).toBe(403)
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const approved = await request(portal.app).patch(`/api/consultation-comments/${stored!.id}`).set('Authorization', editor).send({ status: 'approved' })
    expect(approved.status, approved.text).toBe(200)
    const shown = await page(consultationPath(open.slug!))
    expect(shown.text).toContain('Đề nghị giao Ủy ban nhân dân xã tổ chức thực hiện.')
    expect(shown.text).toContain('Hội Nông dân xã Mường Chiềng')
    expect(shown.text).toContain('Về: Trách nhiệm thi hành (Điều 9)')
    expect(shown.text).not.toContain('an.nguyen@example.vn')
    expect(shown.text).not.toContain('0912')
  })

  const cases: [string, Record<string, string>, string, string][] = [
    ['name', { name: '' }, 'loi-name', 'Vui lòng nhập họ và tên.'],
    ['name', { name: 'A'.repeat(101) }, 'loi-name', 'Họ và tên không quá 100 ký tự.'],
    ['organisation', { organisation: 'T'.repeat(201) }, 'loi-organisation', 'Tên cơ quan, tổ chức không quá 200 ký tự.'],
    ['email and phone', { email: '', phone: '' }, 'loi-email', 'Vui lòng nhập thư điện tử hoặc số điện thoại'],
    ['email', { email: 'an.nguyen@', phone: '' }, 'loi-email', 'Địa chỉ thư điện tử không hợp lệ'],
    ['phone', { phone: '12345' }, 'loi-phone', 'Số điện thoại không hợp lệ'],
    ['point', { point: 'khong-co' }, 'loi-point', 'Vui lòng chọn một nội dung xin ý kiến trong danh sách'],
    ['comment', { comment: '<i>ngắn</i>' }, 'loi-comment', 'Vui lòng nhập nội dung góp ý (ít nhất 10 ký tự).'],
    ['comment', { comment: 'x'.repeat(5001) }, 'loi-comment', 'Nội dung góp ý không quá 5000 ký tự.'],
    ['captcha', { altcha: '' }, 'loi-altcha', 'Vui lòng hoàn tất bước'],
    ['captcha', { altcha: 'bm90LWEtc29sdXRpb24=' }, 'loi-altcha', 'Mã xác nhận không hợp lệ'],
  ]
  it.each(cases)('a bad %s is shown next to its field in Vietnamese, the rest is kept, nothing is stored', async (_name, overrides, id, message) => {
    const before = await countComments(portal.payload, open)
    const altcha = 'altcha' in overrides ? overrides.altcha! : await commentCaptcha(server, HOABINH_HOST, open.slug!)
    const res = await postComment(server, HOABINH_HOST, open.slug!, commentForm({ ...overrides, altcha }), nextIp())
    expect(res.status).toBe(400)
    expect(res.text).toMatch(new RegExp(`<p class="field-error" id="${id}">${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    expect(res.text).toContain(`aria-describedby="${id}"`)
    expect(res.headers['cache-control']).toBe('no-store')
    if (!('name' in overrides)) expect(res.text).toContain('value="Nguyễn Văn An"')
    if (!('comment' in overrides)) expect(res.text).toContain('Đề nghị bổ sung quy định về thời gian thu gom rác ở các thôn vùng cao.</textarea>')
    expect(await countComments(portal.payload, open)).toBe(before)
  })

  it('accepts one captcha solution once', async () => {
    const before = await countComments(portal.payload, open)
    const form = commentForm({ altcha: await commentCaptcha(server, HOABINH_HOST, open.slug!) })
    const first = await postComment(server, HOABINH_HOST, open.slug!, form, nextIp())
    expect(first.status).toBe(201)
    const again = await postComment(server, HOABINH_HOST, open.slug!, form, nextIp())
    expect(again.status).toBe(400)
    expect(again.text).toContain('Mã xác nhận này đã được sử dụng')
    expect(await countComments(portal.payload, open)).toBe(before + 1)
  })

  it("refuses the captcha of another site and comments on another site's draft", async () => {
    const res = await postComment(server, HOABINH_HOST, open.slug!, commentForm({ altcha: await commentCaptcha(server, KONTUM_HOST, kontumOpen.slug!) }), nextIp())
    expect(res.status).toBe(400)
    expect(res.text).toContain('Mã xác nhận không dành cho biểu mẫu này')
    const elsewhere = await postComment(server, KONTUM_HOST, open.slug!, commentForm({ altcha: await commentCaptcha(server, KONTUM_HOST, kontumOpen.slug!) }), nextIp())
    expect(elsewhere.status).toBe(404)
  })

  it('limits comments per address and hour (429, Vietnamese, typed text kept)', async () => {
    const ip = '2001:db8:7::1'
    const statuses: number[] = []
    let last = ''
    for (let index = 0; index <= LIMIT_PER_HOUR; index++) {
      const res = await postComment(server, HOABINH_HOST, open.slug!, commentForm({ altcha: await commentCaptcha(server, HOABINH_HOST, open.slug!) }), ip)
      statuses.push(res.status)
      last = res.text
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    expect(last).toContain('Địa chỉ mạng của bạn đã gửi quá nhiều ý kiến trong một giờ')
    expect(last).toContain('value="Nguyễn Văn An"')
  })

  it('takes 20 concurrent valid comments: exactly 20 stored', async () => {
    const before = await countComments(portal.payload, open)
    const forms = await Promise.all(Array.from({ length: 20 }, async () => commentForm({ altcha: await commentCaptcha(server, HOABINH_HOST, open.slug!) })))
    const responses = await Promise.all(forms.map((form) => postComment(server, HOABINH_HOST, open.slug!, form, nextIp())))
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201))
    expect(await countComments(portal.payload, open)).toBe(before + 20)
  }, 120_000)
})

describe('after the close date', () => {
  it('refuses comments with a Vietnamese message and stores nothing', async () => {
    const before = await countComments(portal.payload, closed)
    const res = await postComment(server, HOABINH_HOST, closed.slug!, commentForm({ altcha: await commentCaptcha(server, HOABINH_HOST, closed.slug!) }), nextIp())
    expect(res.status).toBe(403)
    expect(res.text).toContain('Dự thảo này không trong thời gian lấy ý kiến, nên không nhận thêm góp ý.')
    expect(res.text).not.toContain(`action="${consultationCommentPath(closed.slug!)}"`)
    expect(await countComments(portal.payload, closed)).toBe(before)
  })

  it("shows the agency's report, the number of comments received and the approved comments, without the form", async () => {
    const res = await page(consultationPath(closed.slug!))
    expect(res.status).toBe(200)
    expect(res.text).toContain('Báo cáo tiếp thu, giải trình')
    expect(res.text).toContain('Cơ quan soạn thảo đã tiếp thu ý kiến về giờ họp chợ (thử).')
    expect(res.text).toContain('Số ý kiến đã nhận: 3')
    expect(res.text).toContain('Ý kiến số 1 về giờ họp chợ.')
    expect(res.text).not.toContain('Ý kiến số 2 về giờ họp chợ.')
    expect(res.text).not.toContain('Ý kiến số 3 về giờ họp chợ.')
    expect(res.text).not.toContain('nguoi0@example.vn')
    expect(res.text).not.toContain(`action="${consultationCommentPath(closed.slug!)}"`)
  })
})

describe('the API', () => {
  it('gives anonymous REST readers published drafts only and approved comments without contact details', async () => {
    const drafts = await request(portal.app).get('/api/consultations?limit=100&depth=0')
    expect(drafts.status).toBe(200)
    const titles = drafts.body.docs.map((doc: { title: string }) => doc.title)
    expect(titles).toContain('Dự thảo quy định về thu gom rác (thử)')
    expect(titles).not.toContain('Dự thảo chưa công bố (thử)')
    expect((await request(portal.app).get(`/api/consultations/${draft.id}`)).status).toBeGreaterThanOrEqual(403)
    expect((await request(portal.app).get(`/api/consultations/${open.id}?draft=true`)).body.title).toBe('Dự thảo quy định về thu gom rác (thử)')
    expect((await request(portal.app).get(`/api/consultations/${draft.id}?draft=true`)).status).toBeGreaterThanOrEqual(403)
    expect((await request(portal.app).get('/api/consultations/versions')).status).toBe(403)

    const comments = await request(portal.app).get('/api/consultation-comments?limit=500&depth=0')
    expect(comments.status).toBe(200)
    expect(comments.body.docs.length).toBeGreaterThan(0)
    for (const doc of comments.body.docs) {
      expect(doc.status).toBe('approved')
      expect(doc).not.toHaveProperty('email')
      expect(doc).not.toHaveProperty('phone')
      expect(doc).not.toHaveProperty('ipHash')
    }
    const sneaky = await request(portal.app).get('/api/consultation-comments?where[status][equals]=new&limit=10')
    expect(sneaky.body.docs ?? []).toHaveLength(0)
    const byEmail = await request(portal.app).get('/api/consultation-comments?where[email][like]=example&limit=10')
    expect(byEmail.status).toBe(400)
    expect(byEmail.body.docs).toBeUndefined()
    const created = await request(portal.app).post('/api/consultation-comments').send({ consultation: open.id, name: 'X', comment: 'Ý kiến gửi thẳng vào API', status: 'approved' })
    expect(created.status).toBe(403)
  })

  it('gives anonymous GraphQL readers no drafts and no contact details', async () => {
    const drafts = await graphql(portal.app, '{ Consultations(limit: 100) { docs { title } } }')
    const titles = (drafts.data?.Consultations?.docs ?? []).map((doc: { title: string }) => doc.title)
    expect(titles).toContain('Dự thảo quy định về thu gom rác (thử)')
    expect(titles).not.toContain('Dự thảo chưa công bố (thử)')
    const comments = await graphql(portal.app, '{ ConsultationComments(limit: 500) { docs { name status email phone ipHash } } }')
    const docs = comments.data?.ConsultationComments?.docs ?? []
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(doc.status).toBe('approved')
      expect(doc.email ?? null).toBeNull()
      expect(doc.phone ?? null).toBeNull()
      expect(doc.ipHash ?? null).toBeNull()
    }
    const staff = await graphql(portal.app, '{ ConsultationComments(limit: 500) { docs { status email } } }', {}, await loginAs(portal.app, demoEmail.editor(HOABINH)))
    expect((staff.data?.ConsultationComments?.docs ?? []).some((doc: { email: string | null }) => doc.email)).toBe(true)
  })
})

describe('the read model', () => {
  it('rebuilds to the same drafts, approved comments and counts', async () => {
    const reader = createSiteReader(readStoreOf(portal.payload))
    const state = async () => ({
      drafts: await reader.consultations(hoabinh),
      open: await reader.consultation(hoabinh, open.slug!),
      openComments: await reader.consultationComments(hoabinh, open.id),
      closedComments: await reader.consultationComments(hoabinh, closed.id),
    })
    const before = await state()
    expect(before.closedComments.received).toBe(3)
    expect(before.closedComments.approved.map((item) => item.name)).toEqual(['Người góp ý 1'])
    expect(before.openComments.received).toBe(await countComments(portal.payload, open))
    await rebuildReadModel(portal.payload)
    expect(await state()).toEqual(before)
  })

  it('deletes a draft with its comments and their read-model records', async () => {
    const doomed = await createConsultation(portal.payload, hoabinh, 'Dự thảo sẽ bị xóa (thử)', { closesInDays: 3 })
    for (const status of ['approved', 'new'] as const) {
      await portal.payload.create({
        collection: 'consultation-comments',
        data: { site: hoabinh.id, consultation: doomed.id, status, receivedAt: new Date().toISOString(), name: 'Người góp ý bị xóa', email: 'xoa@example.vn', comment: 'Ý kiến về dự thảo sẽ bị xóa.' },
      })
    }
    const reader = createSiteReader(readStoreOf(portal.payload))
    expect((await reader.consultationComments(hoabinh, doomed.id)).received).toBe(2)
    await portal.payload.delete({ collection: 'consultations', id: doomed.id })
    expect(await countComments(portal.payload, doomed)).toBe(0)
    expect((await portal.payload.count({ collection: 'consultation-comments', where: { email: { equals: 'xoa@example.vn' } } })).totalDocs).toBe(0)
    expect((await reader.consultationComments(hoabinh, doomed.id)).received).toBe(0)
    expect((await page(consultationPath(doomed.slug!))).status).toBe(404)
  })

  it('takes a draft off the pages when it is unpublished, and puts a change on them when it is published', async () => {
    const changed = await portal.payload.update({ collection: 'consultations', id: closed.id, data: { summary: 'Tóm tắt đã sửa (thử).', _status: 'published' }, depth: 0 })
    expect(changed.summary).toBe('Tóm tắt đã sửa (thử).')
    expect((await page(consultationPath(closed.slug!))).text).toContain('Tóm tắt đã sửa (thử).')
    await portal.payload.update({ collection: 'consultations', id: closed.id, data: { _status: 'draft' }, depth: 0 })
    expect((await page(consultationPath(closed.slug!))).status).toBe(404)
    expect((await page(CONSULTATIONS_PATH)).text).not.toContain('Dự thảo quy định về chợ nông thôn (thử)')
  })

  it("shows the drafting unit's current name (the draft is rewritten when its unit changes)", async () => {
    const [unit] = (await portal.payload.find({ collection: 'units', where: { site: { equals: hoabinh.id } }, limit: 1, depth: 0 })).docs
    await portal.payload.update({ collection: 'consultations', id: open.id, data: { draftingUnit: unit!.id, _status: 'published' }, depth: 0 })
    expect((await page(consultationPath(open.slug!))).text).toContain(`<dd>${unit!.name}</dd>`)
    await portal.payload.update({ collection: 'units', id: unit!.id, data: { name: 'Văn phòng đã đổi tên (thử)' }, depth: 0 })
    expect((await page(consultationPath(open.slug!))).text).toContain('<dd>Văn phòng đã đổi tên (thử)</dd>')
  })
})
