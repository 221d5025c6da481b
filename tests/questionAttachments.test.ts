import type { Server } from 'node:http'

import fs from 'node:fs'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { QuestionField, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'
import type { QuestionForm } from './helpers/questions.ts'

import { ASK_QUESTION_PATH } from '../src/site/paths.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM, PASSWORD } from './helpers/demo.ts'
import { type Listening, listen } from './helpers/listen.ts'
import { countQuestions, createQuestionField, questionCaptcha, questionForm, receiptOf } from './helpers/questions.ts'

const HOST = 'localhost'
const MAX_BYTES = 200 * 1024

let portal: Portal
let listening: Listening | undefined
let server: Server
let hoabinh: Site
let land: QuestionField
let ipCounter = 0
const nextIp = () => `10.20.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`

type Attachment = { name: string; data: Buffer; type: string }

/** The page's form as a browser sends it: multipart, with the files under `attachments`. */
async function postWithFiles(form: QuestionForm, files: Attachment[]) {
  const req = request(server).post(ASK_QUESTION_PATH).set('Host', HOST).set('X-Forwarded-For', nextIp())
  for (const [name, value] of Object.entries(form)) req.field(name, value)
  for (const file of files) req.attach('attachments', file.data, { filename: file.name, contentType: file.type })
  return req
}
const validForm = async (overrides: QuestionForm = {}) => questionForm(land.id, { altcha: await questionCaptcha(server, HOST), ...overrides })

const attachmentsDir = () => path.join(portal.tmpDir, 'data', 'question-attachments')
const storedFiles = () => (fs.existsSync(attachmentsDir()) ? fs.readdirSync(attachmentsDir()) : [])
const countAttachments = async () => (await portal.payload.count({ collection: 'question-attachments' })).totalDocs

let jpeg: Buffer
let pdf: Buffer

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { FORM_CAPTCHA_MAX_NUMBER: '2000', QUESTION_LIMIT_PER_HOUR: '1000', QUESTION_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } })
  listening = await listen(portal.app)
  server = listening.server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  land = await createQuestionField(portal.payload, hoabinh, 'Nhà đất (thử)')
  // A photo carrying camera metadata, as phones send them.
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Copyright: 'Người chụp' } })
    .jpeg()
    .toBuffer()
  const document = await PDFDocument.create()
  document.addPage().drawText('Giay to kem theo')
  pdf = Buffer.from(await document.save())
}, 240_000)
afterAll(async () => {
  await listening?.close()
  await portal?.close()
})

describe('attachments on the question form', () => {
  it('the form is multipart with a file input that names the types and the size', async () => {
    const res = await request(server).get(ASK_QUESTION_PATH).set('Host', HOST)
    // HTML attribute names are case-insensitive: encType is enctype to the browser.
    expect(res.text).toMatch(/<form [^>]*enctype="multipart\/form-data"/i)
    expect(res.text).toMatch(/<input id="f-attachments" type="file" accept="[^"]*application\/pdf[^"]*" multiple=""[^>]* name="attachments"/)
    expect(res.text).toContain('Tối đa 3 tệp ảnh (JPEG, PNG, WebP) hoặc PDF, mỗi tệp không quá 0,2 MB.')
  })

  it('stores a question with a JPEG and a PDF: two attachments under server names, the photo without its metadata', async () => {
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()
    const res = await postWithFiles(await validForm(), [
      { name: 'ảnh chụp sổ đỏ.jpg', data: jpeg, type: 'image/jpeg' },
      { name: 'đơn đề nghị.pdf', data: pdf, type: 'application/pdf' },
    ])
    expect(res.status, res.text.slice(0, 1500)).toBe(201)
    const { reference } = receiptOf(res.text)
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs
    const attachments = (await portal.payload.find({ collection: 'question-attachments', where: { question: { equals: question!.id } }, sort: 'id', depth: 0 })).docs
    expect(attachments.map((a) => [a.originalName, a.mimeType, a.site])).toEqual([
      ['ảnh chụp sổ đỏ.jpg', 'image/jpeg', hoabinh.id],
      ['đơn đề nghị.pdf', 'application/pdf', hoabinh.id],
    ])
    expect(attachments[0]!.filename).toMatch(/^[0-9a-f-]{36}\.jpg$/)
    expect(attachments[1]!.filename).toMatch(/^[0-9a-f-]{36}\.pdf$/)
    const storedPhoto = fs.readFileSync(path.join(attachmentsDir(), attachments[0]!.filename!))
    expect((await sharp(storedPhoto).metadata()).exif).toBeUndefined()
    expect(fs.readFileSync(path.join(attachmentsDir(), attachments[1]!.filename!)).equals(pdf)).toBe(true)
    // Nothing of it under the served media folder.
    expect(fs.readdirSync(path.join(portal.tmpDir, 'media'), { recursive: true }).map(String).filter((name) => name.includes(attachments[1]!.filename!))).toEqual([])
  })

  it('refuses a file named .pdf that is really HTML, keeps what was typed, and stores nothing', async () => {
    const [questions, rows, files] = [await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const res = await postWithFiles(await validForm({ title: 'Câu hỏi kèm tệp giả mạo' }), [
      { name: 'anh.jpg', data: jpeg, type: 'image/jpeg' },
      { name: 'giay-to.pdf', data: html, type: 'application/pdf' },
    ])
    expect(res.status).toBe(400)
    expect(res.text).toContain('Tệp &quot;giay-to.pdf&quot; không phải ảnh (JPEG, PNG, WebP) hoặc PDF.')
    expect(res.text).toContain('value="Câu hỏi kèm tệp giả mạo"')
    expect(res.text).toContain('vui lòng chọn lại tệp')
    expect(res.text).toMatch(/id="f-attachments"[^>]*aria-invalid="true"/)

    // A real picture of a type not taken (GIF) under a .png name is refused as well.
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).gif().toBuffer()
    const gifAsPng = await postWithFiles(await validForm(), [{ name: 'anh.png', data: gif, type: 'image/png' }])
    expect(gifAsPng.status).toBe(400)
    expect(gifAsPng.text).toContain('Tệp &quot;anh.png&quot; không phải ảnh (JPEG, PNG, WebP) hoặc PDF.')
    expect([await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]).toEqual([questions, rows, files])
  })

  it('refuses a page behind a %PDF- head and a cut-off PDF next to the file input, keeping what was typed', async () => {
    const [questions, rows, files] = [await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]
    const pageBehindHead = Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>')
    for (const data of [pageBehindHead, pdf.subarray(0, pdf.length - 40)]) {
      const res = await postWithFiles(await validForm({ title: 'Câu hỏi kèm tệp PDF hỏng' }), [{ name: 'giay-to.pdf', data, type: 'application/pdf' }])
      expect(res.status).toBe(400)
      expect(res.text).toContain('Tệp &quot;giay-to.pdf&quot; không đọc được')
      expect(res.text).toContain('value="Câu hỏi kèm tệp PDF hỏng"')
      expect(res.text).toMatch(/id="f-attachments"[^>]*aria-invalid="true"/)
    }
    expect([await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]).toEqual([questions, rows, files])
  })

  it('refuses four files and a file over the size limit, storing nothing', async () => {
    const [questions, rows, files] = [await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `anh-${i}.jpg`, data: jpeg, type: 'image/jpeg' }))
    const tooMany = await postWithFiles(await validForm(), four)
    expect(tooMany.status).toBe(400)
    expect(tooMany.text).toContain('Tối đa 3 tệp đính kèm.')

    const big = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES, 0x20)])
    const tooLarge = await postWithFiles(await validForm(), [{ name: 'hồ sơ lớn.pdf', data: big, type: 'application/pdf' }])
    expect(tooLarge.status).toBe(400)
    expect(tooLarge.text).toContain('Tệp &quot;hồ sơ lớn.pdf&quot; lớn hơn 0,2 MB.')
    expect([await countQuestions(portal.payload, hoabinh), await countAttachments(), storedFiles().length]).toEqual([questions, rows, files])
  })

  it('a refused captcha stores neither the question nor its files', async () => {
    const [rows, files] = [await countAttachments(), storedFiles().length]
    const res = await postWithFiles(questionForm(land.id, { altcha: 'khong-hop-le' }), [{ name: 'anh.jpg', data: jpeg, type: 'image/jpeg' }])
    expect(res.status).toBe(400)
    expect([await countAttachments(), storedFiles().length]).toEqual([rows, files])
  })
})

describe('who reads attachments', () => {
  let attachmentId: number | string
  let filename: string

  beforeAll(async () => {
    const [attachment] = (await portal.payload.find({ collection: 'question-attachments', where: { mimeType: { equals: 'application/pdf' } }, limit: 1, depth: 0 })).docs
    attachmentId = attachment!.id
    filename = attachment!.filename!
  })

  it('anonymous REST and GraphQL neither list nor read them, nor download the file', async () => {
    expect((await request(portal.app).get('/api/question-attachments')).status).toBe(403)
    expect((await request(portal.app).get(`/api/question-attachments/${attachmentId}`)).status).toBe(403)
    expect((await request(portal.app).get(`/api/question-attachments/file/${filename}`)).status).toBe(403)
    const listed = await graphql(portal.app, '{ QuestionAttachments { docs { id filename } } }')
    expect(listed.data?.QuestionAttachments ?? null).toBeNull()
    expect(listed.errors?.length).toBeGreaterThan(0)
    for (const servedPath of [`/media/${filename}`, `/media/question-attachments/${filename}`, `/question-attachments/${filename}`]) {
      expect((await request(portal.app).get(servedPath).set('Host', HOST)).status).toBe(404)
    }
  })

  it("the site's editor reads and downloads them; another site's editor does not", async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const own = await request(portal.app).get(`/api/question-attachments/file/${filename}`).set('Authorization', editor)
    expect(own.status).toBe(200)
    expect(own.headers['content-disposition']).toBe('attachment')
    expect(own.headers['x-content-type-options']).toBe('nosniff')
    expect(Buffer.from(own.body as Buffer).equals(pdf)).toBe(true)
    const question = await request(portal.app).get(`/api/questions?depth=0&limit=100`).set('Authorization', editor)
    const withFiles = (question.body.docs as { attachments?: { docs: unknown[] } }[]).filter((doc) => (doc.attachments?.docs.length ?? 0) > 0)
    expect(withFiles.map((doc) => doc.attachments!.docs.length)).toEqual([2])

    const other = await loginAs(portal.app, demoEmail.editor(KONTUM))
    expect((await request(portal.app).get(`/api/question-attachments/${attachmentId}`).set('Authorization', other)).status).toBe(404)
    expect((await request(portal.app).get(`/api/question-attachments/file/${filename}`).set('Authorization', other)).status).not.toBe(200)
    const listed = await graphql(portal.app, '{ QuestionAttachments { docs { id } } }', {}, other)
    expect(listed.data?.QuestionAttachments?.docs).toEqual([])
  })

  it("an answerer reads the attachments of their unit's assigned question only", async () => {
    const [attachment] = (await portal.payload.find({ collection: 'question-attachments', where: { id: { equals: attachmentId } }, depth: 0 })).docs
    const questionId = attachment!.question as number
    await portal.payload.update({ collection: 'questions', id: questionId, data: { status: 'assigned', assignedUnit: 'Sở Tư pháp' }, depth: 0 })
    for (const [email, unit] of [['tuphap.hoabinh@congtin.local', 'Sở Tư pháp'], ['yte.hoabinh@congtin.local', 'Sở Y tế']]) {
      await portal.payload.create({ collection: 'users', data: { email, password: PASSWORD, name: email, role: 'answerer', unit, sites: [{ site: hoabinh.id }] } })
    }
    const ownUnit = await loginAs(portal.app, 'tuphap.hoabinh@congtin.local')
    const otherUnit = await loginAs(portal.app, 'yte.hoabinh@congtin.local')
    const listed = await request(portal.app).get('/api/question-attachments?depth=0').set('Authorization', ownUnit)
    expect((listed.body.docs as { question: number | string }[]).map((doc) => doc.question)).toEqual([questionId, questionId])
    expect((await request(portal.app).get(`/api/question-attachments/file/${filename}`).set('Authorization', ownUnit)).status).toBe(200)
    expect((await request(portal.app).get('/api/question-attachments?depth=0').set('Authorization', otherUnit)).body.docs).toEqual([])
    expect((await request(portal.app).get(`/api/question-attachments/file/${filename}`).set('Authorization', otherUnit)).status).not.toBe(200)
  })
})
