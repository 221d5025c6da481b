import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'
import { countVotes } from '../helpers/polls.ts'

let portal: Portal
let server: Server
let browser: Browser
let page: Page
let origin: string
const requestedHosts = new Set<string>()

beforeAll(async () => {
  // The default captcha cost: the widget really does the proof of work.
  portal = await bootPortal({ seed: true })
  const listening = await listen(portal.app)
  server = listening.server
  origin = `http://localhost:${listening.port}`
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  context.on('request', (request) => requestedHosts.add(new URL(request.url()).hostname))
  page = await context.newPage()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

describe('a reader votes in Chromium', () => {
  it('votes on the home page poll by keyboard, the widget solves the captcha, and the result shows', async () => {
    await page.goto(`${origin}/`)
    const poll = page.getByRole('region', { name: 'Thăm dò ý kiến' })
    await expect.poll(() => poll.getByRole('button', { name: 'Biểu quyết' }).isEnabled()).toBe(true)
    await expect.poll(() => poll.locator('altcha-widget').count()).toBe(1)
    await screenshot(page, 'poll-before-vote')

    const choice = poll.getByRole('radio', { name: 'Tương đối đầy đủ' })
    await choice.focus()
    await page.keyboard.press('Space')
    expect(await choice.isChecked()).toBe(true)
    await poll.getByRole('button', { name: 'Biểu quyết' }).focus()
    await page.keyboard.press('Enter')

    const status = poll.getByRole('status')
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain('Cảm ơn bạn đã tham gia biểu quyết!')
    expect(await status.textContent()).toContain('Lựa chọn của bạn: Tương đối đầy đủ')
    const results = poll.locator('.poll-results')
    await expect.poll(() => results.innerText()).toContain('Tổng số: 1 phiếu')
    expect(await results.innerText()).toMatch(/Tương đối đầy đủ\s*1 phiếu \(100,0\s?%\)/)
    await screenshot(page, 'poll-after-vote')

    const polls = await portal.payload.find({ collection: 'polls', where: { slug: { equals: 'danh-gia-thong-tin-hoat-dong' } }, depth: 0 })
    const hoabinhPoll = polls.docs.find((doc) => doc.question.includes('Hòa Bình'))!
    expect(await countVotes(portal.payload, hoabinhPoll.id)).toBe(1)

    // Back on the (cached) home page, the reader's own state comes from the JSON endpoint.
    await page.reload()
    await expect.poll(() => poll.getByRole('status').textContent()).toContain('Bạn đã biểu quyết.')
    await expectNoWcagViolations(page, 'home page with the poll')
    expect([...requestedHosts]).toEqual(['localhost'])
  }, 120_000)

  it('without JavaScript the reader sees the question, the results and why voting needs it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const noScript = await context.newPage()
    await noScript.goto(`${origin}/tham-do/danh-gia-thong-tin-hoat-dong`)
    const text = await noScript.locator('main').innerText()
    expect(text).toContain('có cung cấp đầy đủ thông tin hoạt động')
    expect(text).toContain('vui lòng bật JavaScript')
    expect(text).toContain('Tổng số: 1 phiếu')
    expect(await noScript.getByRole('button', { name: 'Biểu quyết' }).isDisabled()).toBe(true)
    await screenshot(noScript, 'poll-without-javascript')
    await context.close()
  }, 60_000)
})
