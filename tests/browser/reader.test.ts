import type { Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

const ARTICLE_TITLE = 'Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm'
const ARTICLE_PATH = '/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam'

let portal: Portal
let server: Server
let browser: Browser
let context: BrowserContext
let page: Page
let hoabinh: string
let kontum: string
const requestedHosts = new Set<string>()

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  const listening = await listen(portal.app)
  server = listening.server
  hoabinh = `http://localhost:${listening.port}`
  kontum = `http://127.0.0.1:${listening.port}`
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  context.on('request', (request) => requestedHosts.add(new URL(request.url()).hostname))
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

describe('a reader in Chromium', () => {
  it('goes from the home page to a category and on to an article', async () => {
    await page.goto(`${hoabinh}/`)
    await screenshot(page, 'home')
    await page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Thi đua khen thưởng' }).click()
    await expect.poll(() => page.url()).toContain('/chuyen-muc/thi-dua-khen-thuong')
    await screenshot(page, 'category')
    await page.getByRole('link', { name: ARTICLE_TITLE }).first().click()
    await expect.poll(() => page.url()).toContain(ARTICLE_PATH)
    await expect.poll(() => page.locator('h1').textContent()).toBe(ARTICLE_TITLE)
    const text = await page.locator('article').innerText()
    expect(text).toContain('Thứ Tư, 29/07/2020')
    expect(text).toContain('Lượt xem: 333')
    expect(await page.locator('figure figcaption').first().innerText()).toContain('Đồng chí Trưởng khối phát biểu kết luận Hội nghị')
    await screenshot(page, 'article')
  })

  it('changes font size and contrast from the keyboard, and keeps them on the next page', async () => {
    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    const before = await bodySize()
    await page.getByRole('button', { name: 'Tăng cỡ chữ' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Tương phản cao' }).focus()
    await page.keyboard.press('Space')
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/font-large.*contrast-high|contrast-high.*font-large/)
    expect(await bodySize()).toBeGreaterThan(before)
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
    await expectNoWcagViolations(page, 'article, high contrast')
    await screenshot(page, 'article-large-high-contrast')

    await page.goto(`${hoabinh}/`)
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/font-large/)
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/contrast-high/)
    expect(await page.getByRole('button', { name: 'Tăng cỡ chữ' }).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed')).toBe('true')
    await screenshot(page, 'home-large-high-contrast')

    await page.getByRole('button', { name: 'Cỡ chữ mặc định' }).click()
    await page.getByRole('button', { name: 'Tương phản cao' }).click()
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.className)).toBe('')
  })

  it('opens the print view, and prints the article without the menu or the sidebar', async () => {
    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    await page.getByRole('link', { name: 'In bài viết' }).click()
    await expect.poll(() => page.url()).toContain('/ban-in')
    expect(await page.getByRole('navigation', { name: 'Chuyên mục' }).count()).toBe(0)
    expect(await page.locator('h1').textContent()).toBe(ARTICLE_TITLE)
    await screenshot(page, 'print-view')

    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    await page.emulateMedia({ media: 'print' })
    const display = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display)
    expect(await display('.site-nav')).toBe('none')
    expect(await display('.sidebar')).toBe('none')
    expect(await display('article h1')).not.toBe('none')
    await page.emulateMedia({ media: 'screen' })
  })

  it('searches with and without diacritics from the header', async () => {
    for (const query of ['dien bien', 'Điện Biên']) {
      await page.goto(`${kontum}/`)
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(query)
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).press('Enter')
      await expect.poll(() => page.url()).toContain('/tim-kiem?q=')
      const result = page.locator('.search-results h2 a', { hasText: 'Kon Tum trao đổi kinh nghiệm chuyển đổi số' })
      expect(await result.count()).toBe(1)
      expect(await result.locator('mark').allInnerTexts()).toEqual(['Điện', 'Biên'])
    }
    await screenshot(page, 'search')
  })

  it('fits a 360 px wide phone screen', async () => {
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 360, height: 740 })
    for (const path of ['/', ARTICLE_PATH, '/tim-kiem?q=hoi+nghi']) {
      await phone.goto(`${hoabinh}${path}`)
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360)
    }
    await phone.goto(`${hoabinh}${ARTICLE_PATH}`)
    await screenshot(phone, 'article-360px')
    await phone.close()
  })

  it('has no WCAG 2.1 AA violations on the main pages', async () => {
    const pages: [string, string][] = [
      ['home', `${hoabinh}/`],
      ['category', `${hoabinh}/chuyen-muc/thi-dua-khen-thuong`],
      ['article', `${hoabinh}${ARTICLE_PATH}`],
      ['search', `${hoabinh}/tim-kiem?q=hoi+nghi`],
      ['author', `${hoabinh}/tac-gia/bao-minh`],
      ['photo library', `${hoabinh}/thu-vien-anh`],
      ['second site home', `${kontum}/`],
    ]
    for (const [label, url] of pages) {
      await page.goto(url)
      await expectNoWcagViolations(page, label)
    }
    await screenshot(page, 'author')
  })

  it('made no request to any other host', () => {
    expect([...requestedHosts].sort()).toEqual(['127.0.0.1', 'localhost'])
  })
})
