import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'

import { chromium } from 'playwright-core'
import { expect } from 'vitest'

import type { Portal } from './bootPortal.ts'

/** Debian's Chromium; the project never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots')

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** Runs axe-core for WCAG 2.1 A and AA on the page and fails with a readable list of violations. */
export async function expectNoWcagViolations(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's own CSP (no inline scripts) stays in force.
  await page.evaluate(AXE_SOURCE)
  const { violations, passes } = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return { violations: result.violations, passes: result.passes.length }
  })) as { violations: AxeViolation[]; passes: number }
  // axe really looked: rules such as colour contrast, labels and landmarks passed.
  expect(passes, `axe rules that passed on ${label}`).toBeGreaterThan(10)
  const report = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`)
  expect(report, `axe on ${label}`).toEqual([])
}

/**
 * Presses a key that submits a form or follows a link, and waits for the next page to load.
 * `waitForLoadState` right after the key press would see the current page, already loaded,
 * and return before the browser has even sent the request.
 */
export async function pressAndWaitForNextPage(page: Page, key = 'Enter'): Promise<void> {
  const loaded = page.waitForEvent('load')
  await page.keyboard.press(key)
  await loaded
}
