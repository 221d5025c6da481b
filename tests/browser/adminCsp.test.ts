import type { Browser } from 'playwright-core'

import http from 'node:http'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from '../helpers/bootPortal.ts'

import { bootPortal } from '../helpers/bootPortal.ts'
import { launchChromium, screenshot } from '../helpers/browser.ts'
import { videoPath } from '../../src/site/paths.ts'
import { demoEmail, findSite, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { type Listening, listen } from '../helpers/listen.ts'

let portal: Portal
let listening: Listening | undefined
let browser: Browser
let origin: string

beforeAll(async () => {
  // The admin's cookie is accepted only from SERVER_URL, so the port is taken first and the
  // portal told its address before it boots.
  listening = await listen(http.createServer())
  origin = `http://localhost:${listening.port}`
  portal = await bootPortal({ seed: true, env: { SERVER_URL: origin } })
  listening.server.on('request', portal.app)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await listening?.close()
  await portal?.close()
})

describe("Payload's admin under its Content-Security-Policy", () => {
  it('logs in, edits and saves an article, uploads an image: 0 CSP violations', async () => {
    const site = await findSite(portal.payload, HOABINH.key)
    const article = (await portal.payload.find({ collection: 'articles', where: { site: { equals: site.id } }, limit: 1 })).docs[0]!
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(`${origin}/admin/login`)
    await page.locator('input[name="email"]').fill(demoEmail.editor(HOABINH))
    await page.locator('input[name="password"]').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin$/, { timeout: 30_000 })

    await page.goto(`${origin}/admin/collections/articles/${article.id}`)
    const title = page.locator('input[name="title"]')
    await title.waitFor({ timeout: 30_000 })
    await title.fill(`${article.title} (sửa)`)
    await page.locator('#action-save-draft, #action-save').first().click()
    await page.locator('.payload-toast-container').getByText(/thành công|success/i).first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'admin-csp-article-saved')

    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#0e5aa5' } }).png().toBuffer()
    await page.goto(`${origin}/admin/collections/media/create`)
    await page.locator('input[type="file"]').setInputFiles({ name: 'anh-thu.png', mimeType: 'image/png', buffer: png })
    await page.locator('input[name="alt"]').fill('Ảnh thử trong trang quản trị')
    await page.locator('#action-save').click()
    await page.locator('.payload-toast-container').getByText(/thành công|success/i).first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'admin-csp-media-uploaded')

    const saved = await portal.payload.count({ collection: 'media', where: { alt: { equals: 'Ảnh thử trong trang quản trị' } } })
    expect(saved.totalDocs).toBe(1)
    expect(violations).toEqual([])
    await context.close()
  })

  it('a video page frames its YouTube embed with 0 CSP violations', async () => {
    const site = await findSite(portal.payload, HOABINH.key)
    const video = await portal.payload.create({
      collection: 'videos',
      data: { title: 'Video nhúng thử', slug: 'video-nhung-thu', publishedAt: new Date().toISOString(), embedUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', site: site.id },
    })
    const context = await browser.newContext()
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text())
    })
    // The embed host cannot be reached from here: answer its request so only the CSP decides.
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>video</p>' }))
    await page.goto(`${origin}${videoPath(video.slug!)}`)
    const frame = page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]')
    expect(await frame.count()).toBe(1)
    await expect.poll(async () => (await frame.elementHandle())?.contentFrame().then((f) => f?.url())).toMatch(/youtube-nocookie/)
    expect(violations).toEqual([])
    await context.close()
  })
})
