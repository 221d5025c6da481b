import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Site, User } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'
import type { ReceivedMail, SmtpStandIn } from './helpers/smtpStandIn.ts'

import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, findUser, HOABINH, KONTUM } from './helpers/demo.ts'
import { bodyOf, headerOf, startSmtpStandIn } from './helpers/smtpStandIn.ts'

let portal: Portal
let smtp: SmtpStandIn
let hoabinh: Site
let reporter: User
let editor: User
let reporterToken: string
let editorToken: string

beforeAll(async () => {
  smtp = await startSmtpStandIn()
  portal = await bootPortal({ seed: true, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'bientap@congtin.local' } })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  reporter = await findUser(portal.payload, demoEmail.reporter(HOABINH))
  editor = await findUser(portal.payload, demoEmail.editor(HOABINH))
  reporterToken = await loginAs(portal.app, demoEmail.reporter(HOABINH))
  editorToken = await loginAs(portal.app, demoEmail.editor(HOABINH))
})
afterAll(async () => {
  await portal?.close()
  await smtp?.close()
})

const api = () => request(portal.app)
const adminLink = (id: Article['id']) => `http://localhost:3000/admin/collections/articles/${id}`

const mailsAbout = (title: string) => smtp.received.filter((mail) => headerOf(mail, 'Subject')?.endsWith(`: ${title}`))

/** Waits for the message with this subject (sent after the save commits) and returns it. */
function mailWithSubject(subject: string): Promise<ReceivedMail> {
  return vi.waitFor(
    () => {
      const found = smtp.received.find((mail) => headerOf(mail, 'Subject') === subject)
      expect(found, subject).toBeTruthy()
      return found!
    },
    { timeout: 15_000, interval: 50 },
  )
}

async function draftBy(token: string, title: string): Promise<Article['id']> {
  const created = await api().post('/api/articles?draft=true').set('Authorization', token).send({ title, site: hoabinh.id, _status: 'draft' })
  expect(created.status).toBe(201)
  return created.body.doc.id
}

async function save(token: string, id: Article['id'], data: Record<string, unknown>, { draft = true } = {}) {
  const res = await api().patch(`/api/articles/${id}${draft ? '?draft=true' : ''}`).set('Authorization', token).send(data)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

describe('review e-mails', () => {
  it("tells the site's editors of a submission, and the reporter of the return (with the note) and of the publication", async () => {
    const title = 'Hội nghị tổng kết công tác thi đua khen thưởng năm 2026'
    const id = await draftBy(reporterToken, title)
    await save(reporterToken, id, { reviewState: 'submitted' })

    const submitted = await mailWithSubject(`Bài chờ duyệt: ${title}`)
    expect(submitted.to).toEqual([editor.email])
    expect(submitted.to).not.toContain(demoEmail.editor(KONTUM))
    expect(bodyOf(submitted)).toContain(`${reporter.name} vừa gửi bài «${title}» trên ${hoabinh.name} để duyệt.`)
    expect(bodyOf(submitted)).toContain(adminLink(id))

    const note = 'Bổ sung số liệu khen thưởng của các huyện.'
    await save(editorToken, id, { reviewState: 'returned', reviewNote: note })
    const returned = await mailWithSubject(`Bài bị trả lại: ${title}`)
    expect(returned.to).toEqual([reporter.email])
    expect(bodyOf(returned)).toContain(`${editor.name} đã trả lại bài «${title}»`)
    expect(bodyOf(returned)).toContain(note)
    expect(bodyOf(returned)).toContain(adminLink(id))

    await save(reporterToken, id, { reviewState: 'submitted', lead: 'Đã bổ sung số liệu.' })
    await vi.waitFor(() => expect(mailsAbout(title).filter((mail) => headerOf(mail, 'Subject')!.startsWith('Bài chờ duyệt'))).toHaveLength(2), {
      timeout: 15_000,
      interval: 50,
    })
    await save(editorToken, id, { _status: 'published' }, { draft: false })
    const published = await mailWithSubject(`Bài đã xuất bản: ${title}`)
    expect(published.to).toEqual([reporter.email])
    expect(bodyOf(published)).toContain(adminLink(id))

    expect(mailsAbout(title).map((mail) => [headerOf(mail, 'Subject')!.split(':')[0], mail.to.join(',')])).toEqual([
      ['Bài chờ duyệt', editor.email],
      ['Bài bị trả lại', reporter.email],
      ['Bài chờ duyệt', editor.email],
      ['Bài đã xuất bản', reporter.email],
    ])
  })

  it('sends nothing for saves that take no review step, nor for approving', async () => {
    const title = 'Tin hoạt động Ủy ban Mặt trận Tổ quốc tỉnh'
    const id = await draftBy(reporterToken, title)
    await save(reporterToken, id, { lead: 'Bản nháp đầu.' })
    await save(reporterToken, id, { reviewState: 'submitted' })
    await mailWithSubject(`Bài chờ duyệt: ${title}`)
    // Saved again in the same state, by the reporter and by the editor, then approved: no message.
    await save(reporterToken, id, { reviewState: 'submitted', lead: 'Sửa lời dẫn.' })
    await save(editorToken, id, { reviewState: 'submitted', lead: 'Biên tập lời dẫn.' })
    await save(editorToken, id, { reviewState: 'approved' })
    // A later step's message arrives after anything the saves above would have sent.
    await save(editorToken, id, { _status: 'published' }, { draft: false })
    await mailWithSubject(`Bài đã xuất bản: ${title}`)
    await save(editorToken, id, { lead: 'Sửa sau khi đăng.' }, { draft: false })
    const marker = 'Bài đánh dấu cuối lượt kiểm tra'
    await save(reporterToken, await draftBy(reporterToken, marker), { reviewState: 'submitted' })
    await mailWithSubject(`Bài chờ duyệt: ${marker}`)

    expect(mailsAbout(title).map((mail) => headerOf(mail, 'Subject'))).toEqual([`Bài chờ duyệt: ${title}`, `Bài đã xuất bản: ${title}`])
  })

  it("sends nothing to another site's editors, nor to an editor about their own publication", async () => {
    const title = 'Biên tập viên tự viết và xuất bản tin'
    const id = await draftBy(editorToken, title)
    await save(editorToken, id, { _status: 'published' }, { draft: false })
    const marker = 'Bài đánh dấu sau tin biên tập viên tự đăng'
    await save(reporterToken, await draftBy(reporterToken, marker), { reviewState: 'submitted' })
    await mailWithSubject(`Bài chờ duyệt: ${marker}`)
    expect(mailsAbout(title)).toEqual([])
    expect(smtp.received.filter((mail) => mail.to.includes(demoEmail.editor(KONTUM)))).toEqual([])
  })

  it('keeps the step when the message cannot be sent, and logs the failure', async () => {
    const sendEmail = vi.spyOn(portal.payload, 'sendEmail').mockRejectedValueOnce(new Error('SMTP không phản hồi'))
    const logged = vi.spyOn(portal.payload.logger, 'error')
    try {
      const id = await draftBy(reporterToken, 'Tin gửi khi máy chủ thư hỏng')
      await save(reporterToken, id, { reviewState: 'submitted' })
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.objectContaining({ msg: 'review e-mail failed', article: id, step: 'submitted' })), {
        timeout: 15_000,
        interval: 50,
      })
      expect(sendEmail).toHaveBeenCalledTimes(1)
      const row = await portal.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(row.reviewState).toBe('submitted')
    } finally {
      sendEmail.mockRestore()
      logged.mockRestore()
    }
  })
})
