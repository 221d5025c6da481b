import type { Browser, BrowserContext, Page, Response } from 'playwright-core'

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { errors } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types.ts'
import type { Portal } from '../helpers/bootPortal.ts'

import { SLUG_TAKEN } from '../../collections/Articles/hooks/ensureUniqueSlugPerSite.ts'
import { bootPortal } from '../helpers/bootPortal.ts'
import { launchChromium, screenshot } from '../helpers/browser.ts'
import { demoEmail, findSite, findUser, HOABINH, PASSWORD } from '../helpers/demo.ts'
import { type Listening, listen } from '../helpers/listen.ts'

let portal: Portal
let listening: Listening
let browser: Browser
let origin: string
let reporter: User
let editor: User

beforeAll(async () => {
  // The admin's server functions take the session cookie only from the configured origin (CSRF),
  // so the port is taken first and the portal told its address before it boots.
  listening = await listen(http.createServer())
  origin = `http://localhost:${listening.port}`
  portal = await bootPortal({ seed: true, env: { SERVER_URL: origin } })
  listening.server.on('request', portal.app)
  browser = await launchChromium()
  reporter = await findUser(portal.payload, demoEmail.reporter(HOABINH))
  editor = await findUser(portal.payload, demoEmail.editor(HOABINH))
})
afterAll(async () => {
  await browser?.close()
  await listening?.close()
  await portal?.close()
})

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')
type AxeViolation = { id: string; help: string; nodes: { target: string[] }[] }

/**
 * axe-core (WCAG 2.1 A and AA) on the whole page; fails on violations whose elements lie inside
 * the desk's own components, and returns the rest (Payload's own) to be listed apart.
 */
async function expectNoViolationsIn(page: Page, selectors: string[], label: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations
  })) as AxeViolation[]
  const ours: string[] = []
  const theirs: string[] = []
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const target = node.target.join(' ')
      const inside = await page.evaluate(
        ({ target, selectors }) => {
          const element = document.querySelector(target)
          return Boolean(element && selectors.some((selector) => element.closest(selector)))
        },
        { target, selectors },
      )
      ;(inside ? ours : theirs).push(`${violation.id}: ${violation.help} at ${target}`)
    }
  }
  // The desk's components were on the page that axe looked at.
  expect(await page.locator(selectors.join(', ')).count(), `desk components on ${label}`).toBeGreaterThan(0)
  expect(ours, `axe on the desk components of ${label}`).toEqual([])
  return theirs
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${origin}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.locator('.dashboard').waitFor({ timeout: 60_000 })
  return page
}

/** The edit view is open; Payload locks a document while someone edits it, so the other side of the desk takes it over. */
async function editViewReady(page: Page): Promise<void> {
  await page.locator('#field-title').waitFor()
  await page.waitForLoadState('networkidle')
  const takeOver = page.locator('#document-locked-take-over')
  // Under load the "locked" dialog can open a moment after the form: give it that moment (a wait, not a check).
  await takeOver.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined)
  if (await takeOver.isVisible()) {
    await takeOver.click()
    await takeOver.waitFor({ state: 'detached' })
  }
}

/**
 * Chooses an option of a Payload select field (react-select) by its label, and checks it is shown.
 * The form re-renders while it settles (locks, form state), which can close the open menu under
 * the click; then the menu is opened again, a few times at most.
 */
async function choose(page: Page, fieldPath: string, option: string): Promise<void> {
  const field = page.locator(`#field-${fieldPath}`)
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      await field.click({ timeout: 10_000 })
      await page.locator('.rs__option', { hasText: option }).first().click({ timeout: 10_000 })
      await field.locator('.rs__single-value', { hasText: option }).waitFor({ timeout: 5_000 })
      // The form may still re-render from the server's state (a lock taken over): the choice must outlive that.
      await page.waitForLoadState('networkidle')
      if ((await field.locator('.rs__single-value', { hasText: option }).count()) === 0) throw new Error(`the choice "${option}" was reset`)
      return
    } catch (error) {
      if (attempt === 5) throw error
    }
  }
}

/**
 * Clicks a save button of the edit view and waits for the API's answer to the save. On a loaded
 * machine the form can still be busy (locks, form state) when the button is clicked and drop the
 * click without sending anything: then it is clicked again, twice at most. Saving twice the same
 * content adds no review step (steps follow changes of state).
 */
async function save(page: Page, button: '#action-save-draft' | '#action-save', expected: 'saved' | 'refused' = 'saved'): Promise<void> {
  const isSave = (res: Response) => /\/api\/articles(\/\d+)?\?/.test(res.url()) && ['POST', 'PATCH'].includes(res.request().method())
  for (let attempt = 1; ; attempt++) {
    const answer = page.waitForResponse(isSave, { timeout: 20_000 })
    await page.locator(button).click()
    try {
      const status = (await answer).status()
      if (expected === 'saved') expect(status, `save through ${button}`).toBeLessThan(300)
      else expect(status, `refused save through ${button}`).toBe(400)
      return
    } catch (error) {
      if (attempt === 3 || !(error instanceof errors.TimeoutError)) throw error
    }
  }
}

const saveDraft = (page: Page) => save(page, '#action-save-draft')

describe("the editors' desk in Chromium", () => {
  it('takes an article from a reporter through return, resubmission and publication', async () => {
    const title = 'Hội nghị tổng kết công tác năm của Tỉnh ủy'
    const caption = 'Toàn cảnh Hội nghị'
    const reporterContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const editorContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } })

    // The reporter writes the article with a captioned photo from the toolbar and sends it for review.
    const writer = await signIn(reporterContext, demoEmail.reporter(HOABINH))
    await writer.goto(`${origin}/admin/collections/articles/create`)
    await writer.locator('#field-title').fill(title)
    const body = writer.locator('.rich-text-lexical [contenteditable="true"]').first()
    await body.click()
    await body.pressSequentially('Sáng nay, Tỉnh ủy tổ chức hội nghị tổng kết công tác năm.')
    await body.press('Enter')
    // Toolbar "+" → "Tải lên": choose the photo from the library, then type its caption.
    await writer.locator('.fixed-toolbar .toolbar-popup__dropdown-add').click()
    await writer.locator('.toolbar-popup__dropdown-item', { hasText: 'Tải lên' }).click()
    await writer.locator('.list-drawer .table tbody tr').first().locator('button, a').first().click()
    await writer.locator('.list-drawer').waitFor({ state: 'detached' })
    // The photo's own buttons sit over its thumbnail and under the toolbar, which may take a pointer's click: the click goes to the button itself.
    await writer.locator('.LexicalEditorTheme__upload').first().hover()
    await writer.locator('.LexicalEditorTheme__upload__upload-drawer-toggler').first().dispatchEvent('click')
    const photoDrawer = writer.locator('.drawer--is-open', { has: writer.locator('#field-caption') })
    await photoDrawer.locator('#field-caption').fill(caption)
    await photoDrawer.locator('button[type="submit"], .form-submit button').first().click()
    await photoDrawer.waitFor({ state: 'detached' })
    await choose(writer, 'reviewState', 'Chờ duyệt')
    await screenshot(writer, 'desk-01-reporter-writes')
    await saveDraft(writer)
    await writer.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const id = Number(/articles\/(\d+)/.exec(writer.url())![1])
    expect((await portal.payload.findByID({ collection: 'articles', id, draft: true })).reviewState).toBe('submitted')

    // The editor's dashboard shows it waiting, with who sent it and for how long; the header says so too.
    const desk = await signIn(editorContext, demoEmail.editor(HOABINH))
    const waiting = desk.locator('.desk-block--waiting')
    const waitingText = await waiting.innerText()
    expect(waitingText).toContain(title)
    expect(waitingText).toMatch(new RegExp(`${reporter.name} gửi · chờ (dưới 1 phút|\\d+ phút)`))
    expect(await desk.locator('.desk-notice').innerText()).toMatch(/^\d+ bài chờ duyệt$/)
    for (const block of ['scheduled', 'published', 'most-read']) expect(await desk.locator(`.desk-block--${block}`).count()).toBe(1)
    await screenshot(desk, 'desk-02-editor-dashboard')
    const payloadOwn: string[] = []
    payloadOwn.push(...(await expectNoViolationsIn(desk, ['.editors-desk', '.desk-notice'], 'the editor dashboard')))

    // The header's notice leads to the article list narrowed to what waits, with review state and writer.
    await desk.locator('.desk-notice').click()
    const filters = desk.locator('.review-filters')
    await filters.waitFor()
    expect(await filters.getByRole('link', { name: /^Chờ duyệt \(\d+\)$/ }).getAttribute('aria-current')).toBe('page')
    const table = desk.locator('.collection-list table')
    await expect.poll(() => table.innerText()).toContain(title)
    const headings = await table.locator('thead th').allInnerTexts()
    expect(headings.join('|')).toContain('Duyệt bài')
    expect(headings.join('|')).toContain('Người viết')
    expect(await table.locator('tbody tr').count()).toBe(await portal.payload.count({ collection: 'articles', where: { reviewState: { equals: 'submitted' } } }).then((r) => r.totalDocs))
    await screenshot(desk, 'desk-02b-waiting-list')
    payloadOwn.push(...(await expectNoViolationsIn(desk, ['.review-filters', '.desk-notice'], 'the waiting list')))
    await desk.goBack()

    // The editor returns it with a note.
    await waiting.getByRole('link', { name: title }).click()
    await desk.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))
    await editViewReady(desk)
    const note = 'Bổ sung danh sách đại biểu và thời gian hội nghị.'
    await choose(desk, 'reviewState', 'Trả lại để sửa')
    await desk.locator('#field-reviewNote').fill(note)
    await saveDraft(desk)
    expect((await portal.payload.findByID({ collection: 'articles', id, draft: true })).reviewState).toBe('returned')

    // The reporter sees the note on the dashboard and at the top of the article, edits and resubmits.
    await writer.goto(`${origin}/admin`)
    const mine = writer.locator('.desk-block--mine')
    expect(await mine.innerText()).toContain(`Lý do: ${note}`)
    expect(await writer.locator('.desk-notice').innerText()).toBe('1 bài bị trả lại')
    // The collection cards count what the reporter sees: their site's articles, none of the other site's.
    const ofSite = await portal.payload.count({ collection: 'articles', where: { site: { equals: (await findSite(portal.payload, HOABINH.key)).id } } })
    expect(await writer.locator('#card-articles .card__count').innerText()).toBe(`${ofSite.totalDocs} mục`)
    await screenshot(writer, 'desk-03-reporter-dashboard')
    payloadOwn.push(...(await expectNoViolationsIn(writer, ['.editors-desk', '.desk-notice', '.collections'], 'the reporter dashboard')))
    await mine.getByRole('link', { name: title }).click()
    await editViewReady(writer)
    const returned = writer.locator('.review-returned')
    await returned.waitFor()
    expect(await returned.innerText()).toContain(note)
    expect(await returned.innerText()).toContain(editor.name)
    await screenshot(writer, 'desk-04-returned-with-note')
    payloadOwn.push(...(await expectNoViolationsIn(writer, ['.review-returned', '.review-history'], 'the returned article')))
    await writer.locator('#field-lead').fill('Hội nghị có 120 đại biểu dự, khai mạc lúc 8 giờ.')
    await choose(writer, 'reviewState', 'Chờ duyệt')
    await saveDraft(writer)
    await returned.waitFor({ state: 'detached' })

    // The editor approves and publishes.
    await desk.reload()
    await editViewReady(desk)
    await choose(desk, 'reviewState', 'Đã duyệt')
    await saveDraft(desk)
    await save(desk, '#action-save')
    await expect.poll(async () => (await portal.payload.findByID({ collection: 'articles', id }))._status, { timeout: 30_000 }).toBe('published')

    // The public page shows the photo in a figure with its caption.
    const article = await portal.payload.findByID({ collection: 'articles', id })
    const reader = await reporterContext.newPage()
    await reader.goto(`${origin}/bai-viet/${article.slug}`)
    const figure = reader.locator('article figure', { has: reader.locator('img') }).first()
    expect(await figure.locator('figcaption').innerText()).toContain(caption)

    // The review history lists the five steps with names.
    await desk.reload()
    await editViewReady(desk)
    const history = desk.locator('.review-history li')
    await expect.poll(() => history.count()).toBe(5)
    const lines = await history.allInnerTexts()
    expect(lines.map((line) => line.split(',')[0])).toEqual([
      `Gửi duyệt — ${reporter.name}`,
      `Trả lại — ${editor.name}`,
      `Gửi duyệt — ${reporter.name}`,
      `Duyệt — ${editor.name}`,
      `Xuất bản — ${editor.name}`,
    ])
    expect(lines[1]).toContain(note)
    await desk.locator('.review-history').screenshot({ path: 'test-results/screenshots/desk-05-review-history.png' })
    if (payloadOwn.length > 0) console.info(`axe findings in Payload's own admin (not the desk's):\n${[...new Set(payloadOwn)].join('\n')}`)
    await reporterContext.close()
    await editorContext.close()
  }, 240_000)

  it('a draft whose slug is already used on the site is refused with the reason in Vietnamese, and nothing is saved', async () => {
    const site = await findSite(portal.payload, HOABINH.key)
    const title = 'Thử đường dẫn trùng trên bàn biên tập'
    await portal.payload.create({ collection: 'articles', data: { title, slug: '', site: site.id, _status: 'draft' }, draft: true })
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await signIn(context, demoEmail.editor(HOABINH))
    await page.goto(`${origin}/admin/collections/articles/create`)
    await editViewReady(page)
    await page.locator('#field-title').fill(title)
    await save(page, '#action-save-draft', 'refused')
    // Payload shows the reason of a refused save in a toast.
    await page.locator('.payload-toast-container li', { hasText: SLUG_TAKEN }).waitFor({ timeout: 10_000 })
    await screenshot(page, 'desk-slug-taken')
    const same = await portal.payload.find({ collection: 'articles', where: { title: { equals: title } }, draft: true, depth: 0 })
    expect(same.totalDocs).toBe(1)
    await context.close()
  }, 120_000)
})
