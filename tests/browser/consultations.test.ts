import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { CONSULTATIONS_PATH } from '../../src/site/paths.ts'
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

describe('a citizen comments on a draft in Chromium', () => {
  it('the list and a closed draft pass axe; the closed draft shows the report and the count', async () => {
    await page.goto(`${origin}${CONSULTATIONS_PATH}`)
    await expectNoWcagViolations(page, 'the list of drafts')
    await screenshot(page, 'consultations-list')
    await page.locator('section[aria-labelledby="da-ket-thuc"] a').first().click()
    await page.waitForURL(/\/lay-y-kien\/.+/)
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('Báo cáo tiếp thu, giải trình')
    expect(main).toMatch(/Số ý kiến đã nhận: 3/)
    expect(await page.locator('form.citizen-form').count()).toBe(0)
    await expectNoWcagViolations(page, 'a closed draft')
    await screenshot(page, 'consultation-closed')
  }, 60_000)

  it('by keyboard alone: errors next to the fields, the captcha, the receipt; axe on each page', async () => {
    await page.goto(`${origin}${CONSULTATIONS_PATH}`)
    await page.locator('section[aria-labelledby="dang-lay-y-kien"] a').first().focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/lay-y-kien\/.+/)
    await expectNoWcagViolations(page, 'an open draft')
    await screenshot(page, 'consultation-open')

    // Sent empty: every error is next to its field.
    await page.getByRole('button', { name: 'Gửi ý kiến' }).focus()
    await pressAndWaitForNextPage(page)
    expect(await page.locator('#loi-name').innerText()).toBe('Vui lòng nhập họ và tên.')
    expect(await page.locator('#loi-comment').innerText()).toBe('Vui lòng nhập nội dung góp ý (ít nhất 10 ký tự).')
    await expectNoWcagViolations(page, 'the comment form with errors')
    await screenshot(page, 'consultation-form-errors')

    await typeInto('Họ và tên', 'Đỗ Thị Lan')
    await typeInto('Cơ quan, tổ chức', 'Hội Phụ nữ xã')
    await typeInto('Thư điện tử', 'lan@example.vn')
    await page.locator('#f-point').focus()
    await page.keyboard.press('ArrowDown')
    await typeInto('Nội dung góp ý', 'Đề nghị phát túi phân loại rác miễn phí trong năm đầu áp dụng.')
    await page.getByRole('checkbox', { name: 'Tôi không phải là người máy' }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('input[name="altcha"]').inputValue(), { timeout: 60_000 }).not.toBe('')
    await screenshot(page, 'consultation-form-filled')
    await page.getByRole('button', { name: 'Gửi ý kiến' }).focus()
    await pressAndWaitForNextPage(page)

    expect(await page.locator('main').innerText()).toContain('Ý kiến góp ý về dự thảo')
    await expectNoWcagViolations(page, 'the receipt')
    await screenshot(page, 'consultation-receipt')
    const stored = await portal.payload.find({ collection: 'consultation-comments', where: { name: { equals: 'Đỗ Thị Lan' } }, depth: 0 })
    expect(stored.docs[0]).toMatchObject({ status: 'new', organisation: 'Hội Phụ nữ xã', email: 'lan@example.vn' })
    expect(stored.docs[0]?.pointTitle).toBeTruthy()
  }, 180_000)
})
