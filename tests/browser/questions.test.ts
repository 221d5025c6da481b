import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { ASK_QUESTION_PATH, FEEDBACK_PATH, QUESTIONS_PATH } from '../../src/site/paths.ts'
import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, pressAndWaitForNextPage, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

let portal: Portal
let server: Server
let browser: Browser
let page: Page
let origin: string

beforeAll(async () => {
  // The default captcha cost: the widget really does the proof of work.
  portal = await bootPortal({ seed: true })
  const listening = await listen(portal.app)
  server = listening.server
  origin = `http://localhost:${listening.port}`
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

async function typeInto(label: string, text: string) {
  await page.getByLabel(label, { exact: false }).first().focus()
  await page.keyboard.type(text)
}

describe('a citizen asks a question in Chromium', () => {
  it('by keyboard alone: errors next to the fields, the captcha, the receipt, the follow-up page', async () => {
    await page.goto(`${origin}${ASK_QUESTION_PATH}`)
    await expectNoWcagViolations(page, 'the question form')

    // Sent empty: every error is next to its field.
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).focus()
    await pressAndWaitForNextPage(page)
    expect(await page.locator('#loi-name').innerText()).toBe('Vui lòng nhập họ và tên.')
    expect(await page.locator('#loi-consent').count()).toBe(1)
    await expectNoWcagViolations(page, 'the question form with errors')
    await screenshot(page, 'question-form-errors')

    await typeInto('Họ và tên', 'Nguyễn Thị Hạnh')
    await typeInto('Thư điện tử', 'hanh@example.vn')
    await page.locator('#f-field').focus()
    await page.keyboard.press('ArrowDown')
    await typeInto('Tiêu đề', 'Hỏi về thủ tục đăng ký khai sinh')
    await typeInto('Nội dung câu hỏi', 'Con tôi sinh ở tỉnh khác, xin hỏi đăng ký khai sinh ở đâu và cần giấy tờ gì?')
    // A file as the browser's file picker gives it (the picker itself is the system's).
    const pdf = await PDFDocument.create()
    pdf.addPage().drawText('Giay chung sinh')
    await page.getByLabel('Tệp đính kèm (không bắt buộc)').setInputFiles({ name: 'giấy chứng sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) })
    for (const id of ['#f-consent', '#f-consentPublish']) {
      await page.locator(id).focus()
      await page.keyboard.press('Space')
    }
    // The captcha: its checkbox by keyboard, then the proof of work in the browser.
    await page.getByRole('checkbox', { name: 'Tôi không phải là người máy' }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('input[name="altcha"]').inputValue(), { timeout: 60_000 }).not.toBe('')
    await screenshot(page, 'question-form-filled')
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).focus()
    await pressAndWaitForNextPage(page)

    const receipt = await page.locator('main').innerText()
    expect(receipt).toMatch(/số hiệu HĐ-\d{4}-\d{6}/)
    await expectNoWcagViolations(page, 'the receipt')
    await screenshot(page, 'question-receipt')
    const reference = /HĐ-\d{4}-\d{6}/.exec(receipt)![0]
    const stored = await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference }, title: { equals: 'Hỏi về thủ tục đăng ký khai sinh' } }, depth: 0 })
    expect(stored.docs[0]?.askerName).toBe('Nguyễn Thị Hạnh')
    const attachments = await portal.payload.find({ collection: 'question-attachments', where: { question: { equals: stored.docs[0]!.id } }, depth: 0 })
    expect(attachments.docs.map((attachment) => [attachment.originalName, attachment.mimeType])).toEqual([['giấy chứng sinh.pdf', 'application/pdf']])

    await page.locator('a.follow-up-link').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/hoi-dap\/tra-cuu\//)
    expect(await page.locator('.follow-up-status').innerText()).toBe('Đã tiếp nhận, đang chờ phân công xử lý.')
    await expectNoWcagViolations(page, 'the follow-up page')
  }, 180_000)

  it('the published questions and one of them pass axe', async () => {
    await page.goto(`${origin}${QUESTIONS_PATH}`)
    await expectNoWcagViolations(page, 'the published questions')
    await screenshot(page, 'questions-list')
    await page.locator('.question-list a').first().click()
    await page.waitForURL(/\/hoi-dap\/hd-/)
    expect(await page.locator('main h2').first().innerText()).toBe('Câu hỏi')
    await expectNoWcagViolations(page, 'a published question')
    await screenshot(page, 'question-page')
  }, 60_000)
})

describe('a citizen sends feedback in Chromium', () => {
  it('by keyboard alone: errors next to the fields, the captcha, the receipt; axe on each page', async () => {
    await page.goto(`${origin}${FEEDBACK_PATH}`)
    await expectNoWcagViolations(page, 'the feedback form')
    await page.getByRole('button', { name: 'Gửi góp ý' }).focus()
    await pressAndWaitForNextPage(page)
    expect(await page.locator('#loi-subject').innerText()).toBe('Vui lòng nhập chủ đề góp ý (ít nhất 5 ký tự).')
    await expectNoWcagViolations(page, 'the feedback form with errors')

    await typeInto('Họ và tên', 'Phạm Văn Bình')
    await typeInto('Điện thoại', '0912 000 111')
    await typeInto('Chủ đề', 'Góp ý về cổng thông tin')
    await typeInto('Nội dung góp ý', 'Đề nghị đăng lịch tiếp công dân sớm hơn để người dân sắp xếp thời gian.')
    await page.locator('#f-consent').focus()
    await page.keyboard.press('Space')
    await page.getByRole('checkbox', { name: 'Tôi không phải là người máy' }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('input[name="altcha"]').inputValue(), { timeout: 60_000 }).not.toBe('')
    await page.getByRole('button', { name: 'Gửi góp ý' }).focus()
    await pressAndWaitForNextPage(page)

    const receipt = await page.locator('main').innerText()
    expect(receipt).toMatch(/số hiệu GY-\d{4}-\d{6}/)
    await expectNoWcagViolations(page, 'the feedback receipt')
    await screenshot(page, 'feedback-receipt')
    const reference = /GY-\d{4}-\d{6}/.exec(receipt)![0]
    const stored = await portal.payload.find({ collection: 'questions', where: { reference: { equals: reference } }, depth: 0 })
    expect(stored.docs[0]).toMatchObject({ kind: 'feedback', askerName: 'Phạm Văn Bình', title: 'Góp ý về cổng thông tin' })
  }, 180_000)
})
