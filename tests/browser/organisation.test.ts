import type { Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

const ARTICLE_TITLE = 'Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm'
const ARTICLE_PATH = '/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam'
const PAGES: [string, string][] = [
  ['gioi-thieu', '/gioi-thieu'],
  ['co-cau-to-chuc', '/co-cau-to-chuc'],
  ['don-vi', '/co-cau-to-chuc/van-phong-tinh-uy'],
  ['lanh-dao', '/lanh-dao'],
  ['danh-ba', '/danh-ba?q=tinh+uy'],
  ['nguoi-phat-ngon', '/nguoi-phat-ngon'],
]

let portal: Portal
let server: Server
let browser: Browser
let context: BrowserContext
let page: Page
let hoabinh: string
let kontum: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  const listening = await listen(portal.app)
  server = listening.server
  hoabinh = `http://localhost:${listening.port}`
  kontum = `http://127.0.0.1:${listening.port}`
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

type Entry = { id: string; parent: string | null; name: string }
const sorted = (entries: Entry[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id))

/** Presses Tab until the element matching `selector` has the focus (at most `limit` times). */
async function tabTo(target: Page, selector: string, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await target.keyboard.press('Tab')
    if (await target.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return
  }
  throw new Error(`${selector} never got the focus`)
}

/** The "Menu" button as Chromium tells assistive technology about it: its name and expanded state. */
async function menuButtonState(target: Page): Promise<{ name: string; expanded: boolean }> {
  const session = await target.context().newCDPSession(target)
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
  await session.detach()
  const button = nodes.find((node) => node.name?.value === 'Menu' && node.properties?.some((property) => property.name === 'expanded'))
  if (!button) throw new Error('no expandable "Menu" in the accessibility tree')
  return { name: String(button.name!.value), expanded: Boolean(button.properties!.find((property) => property.name === 'expanded')!.value.value) }
}
type AXNode = { name?: { value: unknown }; role?: { value: unknown }; properties?: { name: string; value: { value: unknown } }[] }

describe('the organisation pages in Chromium', () => {
  it('the SVG chart and the nested list say the same: the same units under the same parents', async () => {
    for (const origin of [hoabinh, kontum]) {
      await page.goto(`${origin}/co-cau-to-chuc`)
      const chart = await page.locator('svg.org-chart g.org-box').evaluateAll((boxes) =>
        boxes.map((box) => ({
          id: box.getAttribute('data-unit')!,
          parent: box.getAttribute('data-parent'),
          name: [...box.querySelectorAll('tspan')].map((span) => span.textContent).join(' '),
        })),
      )
      const list = await page.locator('#cay-don-vi li[data-unit]').evaluateAll((items) =>
        items.map((item) => ({
          id: item.getAttribute('data-unit')!,
          parent: item.parentElement!.closest('li[data-unit]')?.getAttribute('data-unit') ?? null,
          name: item.querySelector(':scope > a')!.textContent!,
        })),
      )
      expect(chart.length).toBeGreaterThan(4)
      expect(sorted(chart)).toEqual(sorted(list))
      const box = await page.locator('svg.org-chart').boundingBox()
      expect(box!.width).toBeGreaterThan(300)
    }
    await page.goto(`${hoabinh}/co-cau-to-chuc`)
    await screenshot(page, 'organisation-structure')
  })

  it('the directory is searched by keyboard alone, without accents', async () => {
    await page.goto(`${hoabinh}/danh-ba`)
    await tabTo(page, '#tim-danh-ba')
    await page.keyboard.type('dang thi huong')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/danh-ba' && url.searchParams.get('q') === 'dang thi huong')
    const names = await page.locator('.person-card .person-name').allInnerTexts()
    expect(names).toEqual(['Đặng Thị Hương'])
    expect(await page.locator('.directory-count').innerText()).toContain('Tìm thấy 1 người')
    await screenshot(page, 'organisation-directory-search')
  })

  it('on a 360 px phone the menu is one button that opens by keyboard, and the article title is on the first screen', async () => {
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 360, height: 640 })
    await phone.goto(`${hoabinh}${ARTICLE_PATH}`)
    const title = await phone.locator('h1').boundingBox()
    expect(await phone.locator('h1').innerText()).toBe(ARTICLE_TITLE)
    expect(title!.y).toBeLessThan(640)
    expect(title!.y + Math.min(title!.height, 40)).toBeLessThanOrEqual(640)
    const introduction = phone.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Giới thiệu', exact: true })
    expect(await introduction.isVisible()).toBe(false)
    await screenshot(phone, 'menu-360px-closed')

    await tabTo(phone, 'summary.menu-button')
    expect(await menuButtonState(phone)).toEqual({ name: 'Menu', expanded: false })
    await phone.keyboard.press('Enter')
    expect(await introduction.isVisible()).toBe(true)
    expect(await menuButtonState(phone)).toEqual({ name: 'Menu', expanded: true })
    // The next Tab goes into the opened list.
    await phone.keyboard.press('Tab')
    expect(await phone.evaluate(() => document.activeElement?.textContent)).toBe('Trang chủ')
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectNoWcagViolations(phone, 'phone menu open')
    await screenshot(phone, 'menu-360px-open')
    await phone.keyboard.press('Shift+Tab')
    await phone.keyboard.press('Space')
    expect(await introduction.isVisible()).toBe(false)

    for (const [label, path] of PAGES) {
      await phone.goto(`${hoabinh}${path}`)
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(360)
    }
    await phone.goto(`${hoabinh}/co-cau-to-chuc`)
    await screenshot(phone, 'organisation-structure-360px')
    await phone.goto(`${hoabinh}/lanh-dao`)
    await screenshot(phone, 'organisation-leaders-360px')
    await phone.close()
  })

  it('on the desktop the menu is a row, and a sub-menu opens when the keyboard reaches it', async () => {
    await page.goto(`${hoabinh}/`)
    expect(await page.locator('summary.menu-button').isVisible()).toBe(false)
    const nav = page.getByRole('navigation', { name: 'Chuyên mục' })
    const home = await nav.getByRole('link', { name: 'Trang chủ' }).boundingBox()
    const introduction = await nav.getByRole('link', { name: 'Giới thiệu', exact: true }).boundingBox()
    expect(introduction!.y).toBe(home!.y)
    expect(introduction!.x).toBeGreaterThan(home!.x)
    const directory = nav.getByRole('link', { name: 'Danh bạ' })
    expect(await directory.isVisible()).toBe(false)
    await tabTo(page, '.site-menu .has-submenu > a[href="/gioi-thieu"]')
    expect(await directory.isVisible()).toBe(true)
    await screenshot(page, 'menu-desktop-submenu')
    await tabTo(page, '.site-menu a[href="/danh-ba"]')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/danh-ba')
  })

  it('prints the chart without the menu', async () => {
    await page.goto(`${hoabinh}/co-cau-to-chuc`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-nav').evaluate((element) => getComputedStyle(element).display)).toBe('none')
    expect(await page.locator('svg.org-chart').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })

  it('has no WCAG 2.1 AA violations on any organisation page, on both sites', async () => {
    for (const [label, path] of PAGES) {
      await page.goto(`${hoabinh}${path}`)
      await expectNoWcagViolations(page, label)
      await screenshot(page, `organisation-${label}`)
    }
    await page.goto(`${kontum}/co-cau-to-chuc`)
    await expectNoWcagViolations(page, 'co-cau-to-chuc on Kon Tum')
  })
})
