import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { visitStats } from '../../src/stats/visitStats.ts'
import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'
import { demoEmail, findSite, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { BROWSER_UA } from '../helpers/load.ts'

let portal: Portal
let server: Server
let browser: Browser
let origin: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  const site = await findSite(portal.payload, HOABINH.key)
  await portal.payload.update({ collection: 'sites', id: site.id, data: { visitsOffset: 45_038_767 } })
  const listening = await listen(portal.app)
  server = listening.server
  origin = `http://localhost:${listening.port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

const weatherBox = (page: Page) => page.getByRole('region', { name: 'Dự báo thời tiết' })
const statsBox = (page: Page) => page.getByRole('region', { name: 'Thống kê truy cập' })

describe('the weather and statistics boxes in Chromium', () => {
  it('switches the city in place with JavaScript, and reads the statistics box', async () => {
    // A reader's browser (headless Chromium's own user agent is a bot's, which is not counted).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_UA })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    await (await visitStats(portal.payload)).recorder.flush()
    // The box's numbers are kept 5 s per site: wait until the endpoint shows the view, then reload.
    await expect
      .poll(async () => ((await (await page.request.get(`${origin}/thong-ke-truy-cap.json`)).json()) as { today: number }).today, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1)
    await page.reload()

    const weather = weatherBox(page)
    await expect.poll(() => weather.locator('.weather-panel:visible').count()).toBe(1)
    expect(await weather.locator('.weather-panel:visible').innerText()).toContain('Thành phố: TP. Hòa Bình')
    await weather.getByRole('link', { name: 'Mai Châu' }).click()
    await expect.poll(() => weather.locator('.weather-panel:visible .weather-place').innerText()).toBe('Thành phố: Mai Châu')
    expect(page.url()).not.toContain('#')
    expect(await weather.getByRole('link', { name: 'Mai Châu' }).getAttribute('aria-current')).toBe('true')
    const panel = await weather.locator('.weather-panel:visible').innerText()
    expect(panel).toContain('27°C')
    expect(panel).toContain('Độ ẩm: 82%')
    expect(panel).toContain('Tốc độ gió: 7 km/h')
    expect(panel).toMatch(/Cập nhật lúc \d\d:\d\d:\d\d ngày \d\d\/\d\d\/\d{4}/)

    const stats = statsBox(page)
    await expect.poll(() => stats.getAttribute('data-live')).toBe('true')
    const text = await stats.innerText()
    for (const label of ['Hôm nay:', 'Hôm qua:', 'Tháng', 'Năm', 'Đang online:', 'Tổng:']) expect(text).toContain(label)
    const today = Number((await stats.locator('[data-stat="today"]').innerText()).replaceAll('.', ''))
    expect(today).toBeGreaterThanOrEqual(1)
    expect(await stats.locator('[data-stat="total"]').innerText()).toMatch(/^45\.038\.7\d\d$/)
    expect(Number(await stats.locator('[data-stat="online"]').innerText())).toBeGreaterThanOrEqual(1)

    await screenshot(page, 'widgets')
    await weather.screenshot({ path: 'test-results/screenshots/weather-box.png' })
    await stats.screenshot({ path: 'test-results/screenshots/visit-stats-box.png' })
    await expectNoWcagViolations(page, 'home page with weather and statistics boxes')
    await context.close()
  })

  it('switches the city through its link without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    const weather = weatherBox(page)
    expect(await weather.locator('.weather-panel:visible .weather-place').innerText()).toBe('Thành phố: TP. Hòa Bình')
    await weather.getByRole('link', { name: 'Lương Sơn' }).click()
    await expect.poll(() => page.url()).toMatch(/#thoi-tiet-\d+-2$/)
    await expect.poll(() => weather.locator('.weather-panel:visible .weather-place').innerText()).toBe('Thành phố: Lương Sơn')
    expect(await weather.locator('.weather-panel:visible').count()).toBe(1)
    // Without JavaScript the box shows the numbers of the rendered page.
    expect(await statsBox(page).locator('[data-stat="total"]').innerText()).toMatch(/^45\.038\.7\d\d$/)
    await context.close()
  })

  it('shows the admin dashboard chart of daily visits', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } })
    const page = await context.newPage()
    await page.goto(`${origin}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail.editor(HOABINH))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    const dashboard = page.locator('.visits-dashboard')
    await dashboard.waitFor({ timeout: 30_000 })
    expect(await dashboard.locator('svg[role="img"]').count()).toBe(2)
    expect(await dashboard.locator('.visits-bar').count()).toBe(30)
    expect(await dashboard.innerText()).toContain(HOABINH.name)
    await dashboard.screenshot({ path: 'test-results/screenshots/visits-dashboard.png' })
    await context.close()
  })
})
