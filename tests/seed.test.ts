import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { seedDemoContent } from '../src/seed/seed.ts'
import { DEMO_SITES, DEMO_USERS } from '../src/seed/demoContent.ts'
import { DEMO_ORGANISATIONS } from '../src/seed/demoOrganisation.ts'
import { DEMO_SCHEDULES } from '../src/seed/demoSchedule.ts'
import { bootPortal } from './helpers/bootPortal.ts'

let portal: Portal
const COLLECTIONS = ['sites', 'users', 'categories', 'tags', 'authors', 'articles', 'captions', 'media', 'notices', 'banners', 'videos', 'schedule-entries'] as const

async function snapshot() {
  const rows: Record<string, string[]> = {}
  for (const collection of COLLECTIONS) {
    const result = await portal.payload.find({ collection, draft: true, pagination: false, depth: 0, sort: 'id' })
    rows[collection] = result.docs.map((doc) => `${doc.id}@${doc.updatedAt}`)
  }
  return rows
}

beforeAll(async () => {
  portal = await bootPortal({ seed: false })
})
afterAll(async () => {
  await portal?.close()
})

describe('demo content', () => {
  it('writes two sites, staff of every role and articles with photos', async () => {
    const report = await seedDemoContent(portal.payload)
    expect(report.existing).toBe(0)
    const articleCount = DEMO_SITES.reduce((sum, site) => sum + site.articles.length, 0)
    expect((await portal.payload.count({ collection: 'sites' })).totalDocs).toBe(2)
    expect((await portal.payload.count({ collection: 'users' })).totalDocs).toBe(DEMO_USERS.length)
    expect((await portal.payload.count({ collection: 'articles' })).totalDocs).toBe(articleCount)
    const bodyPhotos = DEMO_SITES.flatMap((site) => site.articles).filter((article) => article.bodyPhotoCaption).length
    const portraits = Object.values(DEMO_ORGANISATIONS).flatMap((organisation) => organisation.people).filter((person) => person.leader).length
    // A cover per article, the photos inside bodies, a banner image and a video poster per site, and the leaders' portraits.
    expect((await portal.payload.count({ collection: 'media' })).totalDocs).toBe(articleCount + bodyPhotos + 2 * DEMO_SITES.length + portraits)
    expect((await portal.payload.count({ collection: 'units' })).totalDocs).toBe(Object.values(DEMO_ORGANISATIONS).flatMap((organisation) => organisation.units).length)
    // A week per site, and last week's recurring entries.
    const scheduled = Object.values(DEMO_SCHEDULES).flatMap((entries) => [...entries, ...entries.filter((entry) => entry.recurring)]).length
    expect((await portal.payload.count({ collection: 'schedule-entries' })).totalDocs).toBe(scheduled)
    expect((await portal.payload.count({ collection: 'notices' })).totalDocs).toBe(DEMO_SITES.flatMap((site) => site.notices).length)
    const users = await portal.payload.find({ collection: 'users', limit: 0, pagination: false, depth: 0 })
    expect([...new Set(users.docs.map((user) => user.role))].sort()).toEqual(['admin', 'editor', 'pollModerator', 'reporter'])
    // Every account but the administrator's belongs to exactly one site.
    for (const user of users.docs) expect(user.sites ?? [], user.email).toHaveLength(user.role === 'admin' ? 0 : 1)
    // The whole demo (photos drawn, PDFs written, both sites): about 20 s alone, more on a loaded CI machine.
  }, 180_000)

  it('changes nothing when run again', async () => {
    const before = await snapshot()
    const report = await seedDemoContent(portal.payload)
    expect(report.created).toBe(0)
    expect(await snapshot()).toEqual(before)
  })
})
