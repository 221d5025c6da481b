import type { Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { demoEmail, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { expectNoWcagViolations, launchChromium, screenshot } from '../helpers/browser.ts'
import { listen } from '../helpers/listen.ts'

const PAGES: [string, string][] = [
  ['introduction', '/en/'],
  ['structure', '/en/structure'],
  ['contacts', '/en/contacts?q=commission'],
  ['untranslated-unit', '/en/structure/truong-chinh-tri-tinh'],
  ['unit', '/en/structure/phong-tong-hop'],
  ['leaders', '/en/leaders'],
  ['spokesperson', '/en/spokesperson'],
  ['not-found', '/en/no-such-page'],
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

/** Presses Tab until the element matching `selector` has the focus (at most `limit` times). */
async function tabTo(target: Page, selector: string, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await target.keyboard.press('Tab')
    if (await target.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return
  }
  throw new Error(`${selector} never got the focus`)
}

describe('the English section in Chromium', () => {
  it('the language switch goes both ways by keyboard alone, to the matching page', async () => {
    await page.goto(`${hoabinh}/co-cau-to-chuc`)
    await tabTo(page, '.language-switch a')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${hoabinh}/en/structure`)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('h1').innerText()).toBe('Organisational structure')
    await tabTo(page, '.language-switch a')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tiếng Việt')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${hoabinh}/co-cau-to-chuc`)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi')
    // A page with no English version leads to the English section's start.
    await page.goto(`${hoabinh}/van-ban`)
    await tabTo(page, '.language-switch a')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${hoabinh}/en/`)
    await screenshot(page, 'english-introduction-after-switch')
  })

  it('the English chart and the nested list name the same units under the same parents', async () => {
    await page.goto(`${hoabinh}/en/structure`)
    const chart = await page.locator('svg.org-chart g.org-box').evaluateAll((boxes) =>
      boxes.map((box) => ({ id: box.getAttribute('data-unit')!, parent: box.getAttribute('data-parent'), name: [...box.querySelectorAll('tspan')].map((span) => span.textContent).join(' ') })),
    )
    const list = await page.locator('#unit-tree li[data-unit]').evaluateAll((items) =>
      items.map((item) => ({ id: item.getAttribute('data-unit')!, parent: item.parentElement!.closest('li[data-unit]')?.getAttribute('data-unit') ?? null, name: item.querySelector(':scope > a')!.textContent! })),
    )
    const byId = (entries: typeof chart) => [...entries].sort((a, b) => a.id.localeCompare(b.id))
    expect(chart.length).toBeGreaterThan(4)
    expect(byId(chart)).toEqual(byId(list))
    expect(chart.map((entry) => entry.name)).toContain('Office of the Provincial Party Committee')
  })

  it('has no WCAG 2.1 AA violations on every English page type (introduction, structure, unit, leaders, contacts, spokesperson, error), on both sites', async () => {
    for (const [label, path] of PAGES) {
      await page.goto(`${hoabinh}${path}`)
      await expectNoWcagViolations(page, label)
      await screenshot(page, `english-${label}`)
    }
    await page.goto(`${kontum}/en/structure`)
    await expectNoWcagViolations(page, 'structure on Kon Tum')
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 360, height: 640 })
    await phone.goto(`${hoabinh}/en/`)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectNoWcagViolations(phone, 'introduction at 360 px')
    await screenshot(phone, 'english-introduction-360px')
    await phone.close()
  })

  it('an editor switches a unit between languages with the admin locale selector, labelled in Vietnamese', async () => {
    const unit = (await portal.payload.find({ collection: 'units', where: { slug: { equals: 'van-phong-tinh-uy' } }, limit: 1 })).docs[0]!
    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const editor = await admin.newPage()
    await editor.goto(`${hoabinh}/admin/login`)
    await editor.locator('input[name="email"]').fill(demoEmail.editor(HOABINH))
    await editor.locator('input[name="password"]').fill(PASSWORD)
    await editor.locator('button[type="submit"]').click()
    await editor.locator('.dashboard').waitFor({ timeout: 60_000 })
    await editor.goto(`${hoabinh}/admin/collections/units/${unit.id}?locale=en`)
    const name = editor.locator('input[name="name"]')
    await expect.poll(() => name.inputValue(), { timeout: 60_000 }).toBe('Office of the Provincial Party Committee')
    const selector = editor.locator('.localizer')
    expect(await selector.innerText()).toContain('Tiếng Anh')
    await screenshot(editor, 'english-admin-unit-en')
    await selector.locator('button').first().click()
    await editor.getByRole('button', { name: 'Tiếng Việt' }).click()
    await expect.poll(() => name.inputValue(), { timeout: 60_000 }).toBe('Văn phòng Tỉnh ủy')
    expect(editor.url()).toContain('locale=vi')
    await admin.close()
  })
})
