import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'

import { articlePath } from '../src/site/paths.ts'
import { createCounterStore } from '../src/stats/counterStore.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'
import { portalEnv, send, startServerProcess } from './helpers/portalProcess.ts'

const WRITERS = 10
const READERS = 5
const BURST_MS = 4_000
const FLUSH_SECONDS = 1
const TITLE = 'Tin dồn dập'

let portal: Portal
let hoabinh: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
})

afterAll(async () => {
  await portal?.close()
})

/** The production server in its own process, on the test's database. */
const startServer = () => startServerProcess({ ...portalEnv(), VISITS_FLUSH_SECONDS: String(FLUSH_SECONDS) })

/** Visits of the site stored in the database (all days). */
async function storedSiteVisits(payload: Payload): Promise<number> {
  return (await createCounterStore(payload)).siteVisits(hoabinh.id)
}

describe('kill -9 during a burst of publishes', () => {
  it('keeps every acknowledged article whole and readable, and loses visits only within the flush window', async () => {
    const first = await startServer()
    const token = await loginAs(first.origin, demoEmail.editor(HOABINH))
    const seeded = await portal.payload.find({ collection: 'articles', where: { site: { equals: hoabinh.id } }, overrideAccess: false, limit: 1, depth: 0 })
    const viewsServedAt: number[] = []
    const readSlug = seeded.docs[0]!.slug!
    const visitsBefore = await storedSiteVisits(portal.payload)
    const firstView = await send(first.port, 'GET', articlePath(readSlug))
    expect(firstView.status, firstView.body.slice(0, 300)).toBe(200)
    viewsServedAt.push(Date.now())

    const acknowledged: { id: number | string; slug: string; title: string }[] = []
    let slowestWriteMs = 0
    let running = true
    const writer = async (index: number) => {
      for (let round = 0; running; round++) {
        const title = `${TITLE} ${index}-${round} ${crypto.randomBytes(3).toString('hex')}`
        const started = Date.now()
        const reply = await send(first.port, 'POST', '/api/articles', { headers: { authorization: token }, body: { title, site: hoabinh.id, _status: 'published', lead: 'Bài viết trong đợt ghi dồn dập.' } }).catch(() => null)
        if (!reply || reply.status !== 201) continue
        slowestWriteMs = Math.max(slowestWriteMs, Date.now() - started)
        const { doc } = JSON.parse(reply.body) as { doc: { id: number; slug: string; title: string } }
        acknowledged.push({ id: doc.id, slug: doc.slug, title: doc.title })
      }
    }
    let viewsRequested = 1
    const reader = async () => {
      while (running) {
        viewsRequested++
        const reply = await send(first.port, 'GET', articlePath(readSlug)).catch(() => null)
        if (reply?.status === 200) viewsServedAt.push(Date.now())
      }
    }
    const load = [...Array.from({ length: WRITERS }, (_, index) => writer(index)), ...Array.from({ length: READERS }, reader)]
    await new Promise((resolve) => setTimeout(resolve, BURST_MS))
    const killedAt = Date.now()
    first.child.kill('SIGKILL')
    running = false
    await Promise.all(load)
    expect((await first.finished).code).toBeNull()
    expect(acknowledged.length).toBeGreaterThan(5)

    // Read before the checks below, whose page views count too.
    const counted = (await storedSiteVisits(portal.payload)) - visitsBefore
    const second = await startServer()
    try {
      // Visits (counted as a request arrives): never more than requested; at most those of the last flush window lost (a flush waits
      // for the write lock at most as long as the slowest acknowledged write did).
      const windowStart = killedAt - FLUSH_SECONDS * 1000 - slowestWriteMs
      expect(counted).toBeLessThanOrEqual(viewsRequested)
      expect(counted).toBeGreaterThanOrEqual(viewsServedAt.filter((at) => at < windowStart).length)
      // Every acknowledged article is there, published, whole, and served at its address.
      for (const article of acknowledged) {
        const page = await send(second.port, 'GET', articlePath(article.slug))
        expect(page.status, article.slug).toBe(200)
        expect(page.body).toContain(article.title)
      }
      // Nothing half-written: whatever reached the database (acknowledged or not) is a whole, readable article.
      const stored = await portal.payload.find({ collection: 'articles', where: { title: { like: TITLE } }, pagination: false, depth: 0, overrideAccess: true })
      expect(stored.docs.length).toBeGreaterThanOrEqual(acknowledged.length)
      for (const article of stored.docs) {
        expect(article._status).toBe('published')
        expect(article.slug).toBeTruthy()
        expect((await send(second.port, 'GET', articlePath(article.slug!))).status, article.slug!).toBe(200)
      }
    } finally {
      second.child.kill('SIGTERM')
      await second.finished
    }
  }, 180_000)
})
