import type { Browser } from 'playwright-core'

import http from 'node:http'
import { PDFDocument } from 'pdf-lib'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { ASK_QUESTION_PATH } from '../../src/site/paths.ts'
import { bootPortal } from '../helpers/bootPortal.ts'
import { launchChromium, screenshot } from '../helpers/browser.ts'
import { demoEmail, findSite, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { type Listening, listen } from '../helpers/listen.ts'
import { createQuestionField, questionCaptcha, questionForm, receiptOf } from '../helpers/questions.ts'

let portal: Portal
let listening: Listening
let browser: Browser
let origin: string

beforeAll(async () => {
  // The admin takes the session cookie only from the configured origin: the port is taken first.
  listening = await listen(http.createServer())
  origin = `http://localhost:${listening.port}`
  portal = await bootPortal({ seed: true, env: { SERVER_URL: origin, FORM_CAPTCHA_MAX_NUMBER: '2000' } })
  listening.server.on('request', portal.app)
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await listening?.close()
  await portal?.close()
})

describe('attachments in the admin', () => {
  it("the site's editor sees a question's attachments on the question", async () => {
    const site = await findSite(portal.payload, HOABINH.key)
    const field = await createQuestionField(portal.payload, site, 'Hộ tịch (thử)')
    const pdf = await PDFDocument.create()
    pdf.addPage().drawText('Don de nghi')
    const form = questionForm(field.id, { altcha: await questionCaptcha(listening.server, 'localhost') })
    const post = request(listening.server).post(ASK_QUESTION_PATH).set('Host', 'localhost')
    for (const [name, value] of Object.entries(form)) post.field(name, value)
    const res = await post.attach('attachments', Buffer.from(await pdf.save()), { filename: 'đơn đề nghị.pdf', contentType: 'application/pdf' })
    expect(res.status, res.text.slice(0, 800)).toBe(201)
    const { reference } = receiptOf(res.text)
    const [question] = (await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })).docs

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    await page.goto(`${origin}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail.editor(HOABINH))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.locator('.dashboard').waitFor({ timeout: 60_000 })
    await page.goto(`${origin}/admin/collections/questions/${question!.id}`)
    await page.getByText('đơn đề nghị.pdf').first().waitFor({ timeout: 60_000 })
    await screenshot(page, 'question-attachments-admin')
  })
})
