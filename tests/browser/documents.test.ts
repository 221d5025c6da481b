import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

let portal: Portal
let server: Server
let browser: Browser
let page: Page
let origin: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  const listening = await listen(portal.app)
  server = listening.server
  origin = `http://localhost:${listening.port}`
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

describe('the documents register in Chromium', () => {
  it('filters by keyboard, opens a document and downloads its file; axe finds no WCAG 2.1 AA violation', async () => {
    await page.goto(`${origin}/`)
    await page.getByRole('link', { name: 'Văn bản', exact: true }).click()
    await page.waitForURL(`${origin}/van-ban`)
    await expectNoWcagViolations(page, 'the register')
    await screenshot(page, 'documents-register')

    // Keyboard only: choose a type and a year in the form and submit it with Enter.
    const type = page.getByLabel('Loại văn bản')
    await type.focus()
    await type.selectOption({ label: (await type.locator('option', { hasText: 'Quyết định (' }).textContent())! })
    const year = page.getByLabel('Năm ban hành')
    // Type → issuing body → field → year.
    for (let step = 0; step < 3; step++) await page.keyboard.press('Tab')
    expect(await year.evaluate((element) => element === document.activeElement)).toBe(true)
    await year.selectOption('2020')
    await page.getByRole('button', { name: 'Tra cứu' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/loai=quyet-dinh/)
    expect(page.url()).toContain('nam=2020')
    const rows = page.locator('.document-table tbody tr')
    expect(await rows.count()).toBeGreaterThan(0)
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/\/2020[\s\S]*Quyết định/)
    await screenshot(page, 'documents-register-filtered')

    await page.getByRole('link', { name: '487/QĐ-UBND' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${origin}/van-ban/487-qd-ubnd-2020`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Quyết định 487/QĐ-UBND')
    expect(await page.locator('.document-files').innerText()).toMatch(/487-QĐ-UBND\.pdf\s+\(PDF, [\d,]+ KB\)/)
    await expectNoWcagViolations(page, 'a document page')
    await screenshot(page, 'documents-page')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '487-QĐ-UBND.pdf' }).click()])
    expect(download.suggestedFilename()).toBe('487-QĐ-UBND.pdf')
    const saved = await download.path()
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-')
  }, 120_000)

  it('fits a 360 px screen without sideways scrolling', async () => {
    const narrow = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage()
    await narrow.goto(`${origin}/van-ban`)
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectNoWcagViolations(narrow, 'the register at 360 px')
    await screenshot(narrow, 'documents-register-360')
    await narrow.goto(`${origin}/van-ban/487-qd-ubnd-2020`)
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await screenshot(narrow, 'documents-page-360')
  }, 60_000)
})
