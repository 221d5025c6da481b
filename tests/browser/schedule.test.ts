import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { currentWeek, shiftWeek, weekName } from '../../src/schedule/week.ts'
import { bootPortal } from '../helpers/bootPortal.ts'
import { demoEmail, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

let portal: Portal
let server: Server
let browser: Browser
let origin: string

beforeAll(async () => {
  // The admin takes the session cookie only from the configured origin (CSRF): the port is taken
  // first and the portal told its address before it boots.
  const listening = await listen(http.createServer())
  server = listening.server
  origin = `http://localhost:${listening.port}`
  portal = await bootPortal({ seed: true, env: { SERVER_URL: origin } })
  server.on('request', portal.app)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

async function open(width: number, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 720 ? 640 : 900 } })
  const page = await context.newPage()
  await page.goto(`${origin}${path}`)
  return page
}

describe('the work schedule in Chromium', () => {
  it('on the desktop: a week with an adjusted entry, no WCAG 2.1 AA violations, and week links that work', async () => {
    const page = await open(1280, '/lich-cong-tac')
    expect(await page.locator('h1').textContent()).toContain(`Lịch công tác tuần ${currentWeek().week}`)
    expect(await page.locator('.schedule-entry.is-adjusted .schedule-badge').count()).toBe(1)
    // Time beside the details on a wide screen.
    const [time, body] = await Promise.all([page.locator('.schedule-entry.is-adjusted .schedule-time').boundingBox(), page.locator('.schedule-entry.is-adjusted .schedule-body').boundingBox()])
    expect(body!.x).toBeGreaterThan(time!.x + time!.width - 1)
    await expectNoWcagViolations(page, 'lich-cong-tac')
    await screenshot(page, 'schedule-desktop')
    await page.getByRole('link', { name: 'Tuần sau →' }).click()
    await page.waitForURL(`**/lich-cong-tac?tuan=${weekName(shiftWeek(currentWeek(), 1))}`)
    expect(await page.locator('.schedule-empty').count()).toBe(7)
    await page.context().close()
  })

  it('at 360 px: nothing overflows sideways, the entries stack, no WCAG 2.1 AA violations', async () => {
    const page = await open(360, '/lich-cong-tac')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const [time, body] = await Promise.all([page.locator('.schedule-entry.is-adjusted .schedule-time').boundingBox(), page.locator('.schedule-entry.is-adjusted .schedule-body').boundingBox()])
    expect(body!.y).toBeGreaterThanOrEqual(time!.y + time!.height - 1)
    await expectNoWcagViolations(page, 'lich-cong-tac 360px')
    await screenshot(page, 'schedule-360px')
    await page.context().close()
  })

  it('printed: no menu and no week links on paper', async () => {
    const page = await open(1280, '/lich-cong-tac')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-nav').isVisible()).toBe(false)
    expect(await page.locator('.schedule-nav').isVisible()).toBe(false)
    expect(await page.locator('.schedule-entry').first().isVisible()).toBe(true)
    await screenshot(page, 'schedule-print')
    const printView = await open(1280, '/lich-cong-tac/ban-in')
    await expectNoWcagViolations(printView, 'lich-cong-tac/ban-in')
    await printView.context().close()
    await page.context().close()
  })

  it('an editor copies last week\'s recurring entries from the button above the schedule list', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${origin}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail.editor(HOABINH))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.locator('.dashboard').waitFor({ timeout: 60_000 })
    await page.goto(`${origin}/admin/collections/schedule-entries`)
    // The list view rewrites its own address once its preferences load; a click made before that
    // can lose its navigation on a loaded machine, so wait for the list to settle first.
    await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await Promise.all([
      page.waitForURL('**/api/schedule-entries/copy-recurring', { timeout: 60_000 }),
      page.getByRole('link', { name: 'Sao chép lịch tuần trước' }).click(),
    ])
    await page.getByLabel(`Tuần sau (${weekName(shiftWeek(currentWeek(), 1))})`).check()
    await page.getByRole('button', { name: 'Sao chép' }).click()
    const status = page.getByRole('status')
    await status.waitFor()
    expect(await status.textContent()).toMatch(/^Đã sao chép 3 mục lặp lại từ tuần \d{4}-W\d{2} sang tuần \d{4}-W\d{2} \(bản nháp\)\.$/)
    const copies = await portal.payload.count({ collection: 'schedule-entries', where: { _status: { equals: 'draft' } } })
    expect(copies.totalDocs).toBe(3)
    await context.close()
  })
})
