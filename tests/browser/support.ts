/*
 * Shared pieces of the real-browser checks: Debian's Chromium driven by playwright-core, the portal
 * listening on a loopback port, full-page screenshots, axe-core and a log of every request.
 * Not a test file itself (vitest collects *.test.ts only).
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'

import { chromium } from 'playwright-core'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'

/** The browser installed by Debian; nothing is ever downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots')

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 })
}

export type RunningPortal = {
  portal: Portal
  server: Server
  port: number
  /** The first demo site (Hòa Bình). */
  hoabinh: string
  /** The second demo site (Kon Tum). */
  kontum: string
  close: () => Promise<void>
}

/** The whole portal with the demo content, listening on an ephemeral port of 127.0.0.1. */
export async function startPortal(): Promise<RunningPortal> {
  const portal = await bootPortal({ seed: true })
  const server = portal.app.listen(0, '127.0.0.1')
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', reject)
    })
  } catch (error) {
    await portal.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  return {
    portal,
    server,
    port,
    hoabinh: `http://localhost:${port}`,
    kontum: `http://127.0.0.1:${port}`,
    close: async () => {
      // Keep-alive sockets would otherwise hold server.close() open.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await portal.close()
    },
  }
}

/**
 * Every request the pages make (page.on('request')), and every answer that went wrong, so a test
 * can prove that nothing was fetched from a third party and nothing the pages needed was missing.
 */
export class RequestLog {
  readonly urls: string[] = []
  readonly failures: string[] = []

  watch(page: Page): Page {
    page.on('request', (request) => {
      this.urls.push(request.url())
    })
    page.on('requestfailed', (request) => {
      // A navigation that replaces a page still loading its lazy images aborts them: not a failure.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return
      this.failures.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) this.failures.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`)
    })
    return page
  }

  /** Requests whose host is not one of `hosts` ("localhost:1234"). */
  foreign(hosts: string[]): string[] {
    return this.urls.filter((url) => !hosts.includes(new URL(url).host))
  }
}

/**
 * A full-page PNG in test-results/screenshots/<name>.png. Lazy images below the fold are loaded
 * first, so the picture shows the page as a reader scrolling through it would see it.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.evaluate(() => {
    for (const image of Array.from(document.images)) image.loading = 'eager'
  })
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete), undefined, { timeout: 15_000 })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
  return file
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: number; targets: string[] }
export type AxeReport = { url: string; violations: AxeViolation[]; passed: string[]; incomplete: string[] }

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules on the page as it is now. The page must belong
 * to a context created with `bypassCSP: true`: axe is injected as an inline script, which the
 * portal's Content-Security-Policy (script-src 'self') rightly refuses otherwise.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const report = await page.evaluate(async () => {
    type AxeResult = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }
    const axe = (window as unknown as { axe?: { run: (context: Document, options: object) => Promise<Record<'violations' | 'passes' | 'incomplete', AxeResult[]>> } }).axe
    if (!axe) throw new Error('axe-core was not injected (is the Content-Security-Policy bypassed?)')
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return {
      url: location.href,
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.length,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' ')),
      })),
      passed: results.passes.map((rule) => rule.id),
      incomplete: results.incomplete.map((rule) => rule.id),
    }
  })
  return report
}

/** The failure message for axe: one line per violation with its id, impact and first targets. */
export function describeViolations(label: string, report: AxeReport): string {
  const lines = report.violations.map(
    (violation) =>
      `  - ${violation.id} [${violation.impact ?? 'unknown impact'}] ${violation.help}; ${violation.nodes} node(s), first: ${violation.targets.join(' | ')}`,
  )
  return `axe-core found ${report.violations.length} WCAG 2.1 AA violation(s) on ${label} (${report.url}):\n${lines.join('\n')}`
}
