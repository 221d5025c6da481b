/*
 * The public site in a real browser: Debian's headless Chromium, driven by playwright-core,
 * against the whole portal with the demo content. Screenshots go to test-results/screenshots/,
 * named after the check that took them (1-… to 6-…).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningPortal } from './support.ts'

import { describeViolations, launchChromium, RequestLog, runAxe, screenshot, startPortal } from './support.ts'

const ARTICLE_TITLE = 'Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm'
const ARTICLE_PATH = '/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam'
const CATEGORY_PATH = '/chuyen-muc/thi-dua-khen-thuong'
const PHOTO_CAPTION = 'Đồng chí Trưởng khối phát biểu kết luận Hội nghị'
const KONTUM_TITLE = 'Điện Biên và Kon Tum trao đổi kinh nghiệm chuyển đổi số'

let running: RunningPortal
let browser: Browser
/** The reader: the portal's own Content-Security-Policy in force. */
let reader: BrowserContext
let page: Page
/** For axe only: its inline script needs the page's CSP bypassed. */
let auditor: BrowserContext
const requests = new RequestLog()
/** Script errors and console errors (a CSP violation is one) in the reader's pages. */
const scriptErrors: string[] = []

async function newReaderPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const created = requests.watch(await reader.newPage())
  await created.setViewportSize(viewport)
  created.on('pageerror', (error) => scriptErrors.push(`${created.url()}: ${error.message}`))
  created.on('console', (message) => {
    if (message.type() !== 'error') return
    // Chromium asks every new host for /favicon.ico on its own; the portal has none (404).
    if (new URL(message.location().url || created.url()).pathname === '/favicon.ico') return
    scriptErrors.push(`${created.url()}: ${message.text()} [${message.location().url}]`)
  })
  return created
}

const htmlClasses = (target: Page) => target.evaluate(() => Array.from(document.documentElement.classList))
const classesAtBody = (target: Page) => target.evaluate(() => (window as unknown as { classesAtBody?: string[] }).classesAtBody)
const bodyStyle = (target: Page) =>
  target.evaluate(() => {
    const style = getComputedStyle(document.body)
    return { fontSize: parseFloat(style.fontSize), background: style.backgroundColor }
  })
const displayOf = (target: Page, selector: string) => target.locator(selector).first().evaluate((element) => getComputedStyle(element).display)

beforeAll(async () => {
  running = await startPortal()
  browser = await launchChromium()
  reader = await browser.newContext({ locale: 'vi-VN' })
  reader.setDefaultTimeout(30_000)
  reader.setDefaultNavigationTimeout(60_000)
  // Records the classes of <html> when <body> is first inserted, i.e. before anything is drawn.
  await reader.addInitScript(() => {
    const record = window as unknown as { classesAtBody?: string[] }
    const observer = new MutationObserver(() => {
      if (!document.body) return
      record.classesAtBody = Array.from(document.documentElement.classList)
      observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true })
  })
  auditor = await browser.newContext({ locale: 'vi-VN', bypassCSP: true, viewport: { width: 1280, height: 900 } })
  auditor.setDefaultTimeout(30_000)
  auditor.setDefaultNavigationTimeout(60_000)
  page = await newReaderPage()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await running?.close()
}, 120_000)

describe('the public site in Chromium', () => {
  it('leads from the home page through the menu and a category to an article', async () => {
    const { hoabinh } = running
    await page.goto(`${hoabinh}/`)
    expect(await page.title()).toBe('Trang thông tin điện tử Tỉnh ủy Hòa Bình')
    await screenshot(page, '1-home')

    const menu = page.getByRole('navigation', { name: 'Chuyên mục' })
    await Promise.all([page.waitForURL(`${hoabinh}${CATEGORY_PATH}`), menu.getByRole('link', { name: 'Thi đua khen thưởng', exact: true }).click()])
    expect(await page.locator('h1').innerText()).toBe('Thi đua khen thưởng')
    expect(await menu.getByRole('link', { name: 'Thi đua khen thưởng', exact: true }).getAttribute('aria-current')).toBe('page')
    await screenshot(page, '1-category')

    await Promise.all([page.waitForURL(`${hoabinh}${ARTICLE_PATH}`), page.getByRole('main').getByRole('link', { name: ARTICLE_TITLE, exact: true }).first().click()])
    const article = page.locator('article')
    await expect.poll(() => article.getByRole('heading', { level: 1 }).innerText()).toBe(ARTICLE_TITLE)
    expect(await article.locator('.date-header').innerText()).toBe('Thứ Tư, 29/07/2020')
    expect(await article.locator('.meta').innerText()).toContain('Lượt xem: 333')
    const figure = article.locator('figure', { has: page.locator('figcaption', { hasText: PHOTO_CAPTION }) })
    expect(await figure.count()).toBe(1)
    expect(await figure.locator('figcaption').innerText()).toContain(PHOTO_CAPTION)
    // The photo itself arrives once scrolled to (it is lazy-loaded).
    const photo = figure.locator('img')
    await photo.scrollIntoViewIfNeeded()
    await photo.evaluate((image: HTMLImageElement) => image.decode())
    expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
    await screenshot(page, '1-article')
  }, 120_000)

  it('enlarges the text and turns on high contrast from the keyboard, for every page', async () => {
    const { hoabinh } = running
    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    const larger = page.locator('button[data-font-size="large"]')
    const normal = page.locator('button[data-font-size="normal"]')
    const contrast = page.getByRole('button', { name: 'Tương phản cao' })
    expect(await larger.innerText()).toBe('A+')
    expect(await htmlClasses(page)).toEqual([])
    const before = await bodyStyle(page)
    expect(before.background).toBe('rgb(255, 255, 255)')

    await larger.focus()
    expect(await larger.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.documentElement.classList.contains('font-large'))
    expect(await larger.getAttribute('aria-pressed')).toBe('true')
    expect(await normal.getAttribute('aria-pressed')).toBe('false')
    expect((await bodyStyle(page)).fontSize).toBeGreaterThan(before.fontSize)

    await contrast.focus()
    expect(await contrast.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    await page.waitForFunction(() => document.documentElement.classList.contains('contrast-high'))
    expect(await contrast.getAttribute('aria-pressed')).toBe('true')
    expect((await bodyStyle(page)).background).toBe('rgb(0, 0, 0)')
    await screenshot(page, '2-article-large-high-contrast')

    // The next page starts with both settings: reader-prefs.js applies them before <body> exists.
    await Promise.all([page.waitForURL(`${hoabinh}/`), page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Trang chủ' }).click()])
    expect(await classesAtBody(page)).toEqual(expect.arrayContaining(['font-large', 'contrast-high']))
    expect(await htmlClasses(page)).toEqual(expect.arrayContaining(['font-large', 'contrast-high']))
    expect(await page.locator('button[data-font-size="large"]').getAttribute('aria-pressed')).toBe('true')
    expect(await page.locator('button[data-font-size="normal"]').getAttribute('aria-pressed')).toBe('false')
    expect(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed')).toBe('true')
    const home = await bodyStyle(page)
    expect(home.fontSize).toBeGreaterThan(before.fontSize)
    expect(home.background).toBe('rgb(0, 0, 0)')
    await screenshot(page, '2-home-large-high-contrast')

    // Back to the defaults, by keyboard too; they stay the defaults on the next load.
    await page.locator('button[data-font-size="normal"]').press('Enter')
    await page.getByRole('button', { name: 'Tương phản cao' }).press('Space')
    await page.waitForFunction(() => document.documentElement.classList.length === 0)
    expect(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed')).toBe('false')
    await page.reload()
    expect(await classesAtBody(page)).toEqual([])
    expect(await htmlClasses(page)).toEqual([])
    expect(await page.locator('button[data-font-size="normal"]').getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed')).toBe('false')
    expect(await bodyStyle(page)).toEqual(before)
  }, 120_000)

  it('has a print view, and prints an article without the menu or the sidebar', async () => {
    const { hoabinh } = running
    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    await Promise.all([page.waitForURL(`${hoabinh}${ARTICLE_PATH}/ban-in`), page.getByRole('link', { name: 'In bài viết' }).click()])
    expect(await page.getByRole('navigation', { name: 'Chuyên mục' }).count()).toBe(0)
    expect(await page.locator('nav').count()).toBe(0)
    expect(await page.locator('.sidebar').count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(ARTICLE_TITLE)
    expect(await page.locator('figcaption', { hasText: PHOTO_CAPTION }).count()).toBe(1)
    // reader.js shows the print button; the link leads back to the article.
    expect(await page.getByRole('button', { name: 'In trang này' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Trở lại bài viết' }).getAttribute('href')).toBe(`${hoabinh}${ARTICLE_PATH}`)
    await screenshot(page, '3-print-view')

    await page.goto(`${hoabinh}${ARTICLE_PATH}`)
    expect(await displayOf(page, 'nav[aria-label="Chuyên mục"]')).not.toBe('none')
    expect(await displayOf(page, 'aside.sidebar')).not.toBe('none')
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await displayOf(page, 'nav[aria-label="Chuyên mục"]')).toBe('none')
      expect(await displayOf(page, 'aside.sidebar')).toBe('none')
      expect(await displayOf(page, '.toolbar')).toBe('none')
      expect(await displayOf(page, 'article h1')).not.toBe('none')
      expect(await page.locator('article h1').isVisible()).toBe(true)
      await screenshot(page, '3-article-print-media')
    } finally {
      await page.emulateMedia({ media: null })
    }
  }, 120_000)

  it('finds an article on the second site with and without diacritics, and marks the words', async () => {
    const { kontum } = running
    for (const [query, name] of [
      ['dien bien', '4-search-without-diacritics'],
      ['Điện Biên', '4-search-with-diacritics'],
    ] as const) {
      await page.goto(`${kontum}/`)
      expect(await page.title()).toBe('Cổng thông tin điện tử tỉnh Kon Tum')
      const box = page.getByRole('banner').getByRole('searchbox', { name: 'Tìm kiếm' })
      await box.fill(query)
      await Promise.all([page.waitForURL((url) => url.pathname === '/tim-kiem'), box.press('Enter')])
      expect(new URL(page.url()).searchParams.get('q')).toBe(query)
      expect(await page.getByRole('status').innerText()).toMatch(/^Tìm thấy \d+\+? bài viết\.$/)
      const result = page.locator('.search-results > li').filter({ has: page.getByRole('link', { name: KONTUM_TITLE, exact: true }) })
      expect(await result.count(), `"${query}" finds "${KONTUM_TITLE}"`).toBe(1)
      expect(await result.getByRole('link', { name: KONTUM_TITLE, exact: true }).locator('mark').allInnerTexts()).toEqual(['Điện', 'Biên'])
      // The lead is highlighted too, in its own spelling.
      expect(await result.locator('.card-lead mark').allInnerTexts()).toEqual(['Điện', 'Biên'])
      await screenshot(page, name)
    }
  }, 120_000)

  it('fits a 360 px wide phone screen without horizontal scrolling', async () => {
    const { hoabinh } = running
    const phone = await newReaderPage({ width: 360, height: 740 })
    try {
      for (const [path, name] of [
        ['/', '5-home-360px'],
        [ARTICLE_PATH, '5-article-360px'],
      ] as const) {
        await phone.goto(`${hoabinh}${path}`)
        expect(await phone.evaluate(() => window.innerWidth)).toBe(360)
        expect(await phone.evaluate(() => document.documentElement.scrollWidth), `scrollWidth of ${path}`).toBeLessThanOrEqual(360)
        await screenshot(phone, name)
        // Still true once every lazy image is in.
        expect(await phone.evaluate(() => document.documentElement.scrollWidth), `scrollWidth of ${path} with all images`).toBeLessThanOrEqual(360)
      }
    } finally {
      await phone.close()
    }
  }, 120_000)

  it('has no WCAG 2.1 AA violations according to axe-core', async () => {
    const { hoabinh } = running
    const audited = requests.watch(await auditor.newPage())
    try {
      const pages = [
        ['home', '/'],
        ['category', CATEGORY_PATH],
        ['article', ARTICLE_PATH],
        ['search', '/tim-kiem?q=hoi+nghi'],
        ['author', '/tac-gia/bao-minh'],
      ] as const
      for (const [name, path] of pages) {
        await audited.goto(`${hoabinh}${path}`)
        const report = await runAxe(audited)
        // axe did look: the colour contrast rule and others ran on this page.
        expect(report.passed.length, `axe rules passed on ${name}`).toBeGreaterThan(10)
        expect([...report.passed, ...report.incomplete], `axe checked colour contrast on ${name}`).toContain('color-contrast')
        await screenshot(audited, `6-axe-${name}`)
        expect(report.violations.length, describeViolations(name, report)).toBe(0)
      }

      await audited.goto(`${hoabinh}${ARTICLE_PATH}`)
      await audited.getByRole('button', { name: 'Tương phản cao' }).press('Enter')
      await audited.waitForFunction(() => document.documentElement.classList.contains('contrast-high'))
      const report = await runAxe(audited)
      expect([...report.passed, ...report.incomplete]).toContain('color-contrast')
      await screenshot(audited, '6-axe-article-high-contrast')
      expect(report.violations.length, describeViolations('article, high contrast', report)).toBe(0)
    } finally {
      await audited.close()
    }
  }, 180_000)

  it('made every request to the portal itself, and every one succeeded', () => {
    const own = [new URL(running.hoabinh).host, new URL(running.kontum).host]
    // The log is real: both sites, their stylesheet, scripts and images were requested.
    expect(requests.urls.length).toBeGreaterThan(20)
    const hosts = new Set(requests.urls.map((url) => new URL(url).host))
    expect([...hosts].sort()).toEqual([...own].sort())
    expect(requests.urls.some((url) => url.endsWith('/assets/site.css'))).toBe(true)
    expect(requests.urls.some((url) => url.endsWith('/assets/reader.js'))).toBe(true)
    expect(requests.urls.some((url) => new URL(url).pathname.startsWith('/media/'))).toBe(true)
    expect(requests.foreign(own), 'requests to third parties').toEqual([])
    expect(requests.failures, 'failed requests').toEqual([])
    expect(scriptErrors, 'script errors and console errors (CSP violations among them)').toEqual([])
  })
})
