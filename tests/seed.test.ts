import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { seedDemoContent } from '../src/seed/seed.ts'
import { DEMO_SITES, DEMO_USERS } from '../src/seed/demoContent.ts'
import { bootPortal } from './helpers/bootPortal.ts'

let portal: Portal
const COLLECTIONS = ['sites', 'users', 'categories', 'tags', 'authors', 'articles', 'captions', 'media', 'notices', 'banners', 'videos'] as const

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
    // A cover per article, the photos inside bodies, and a banner image and a video poster per site.
    expect((await portal.payload.count({ collection: 'media' })).totalDocs).toBe(articleCount + bodyPhotos + 2 * DEMO_SITES.length)
    expect((await portal.payload.count({ collection: 'notices' })).totalDocs).toBe(DEMO_SITES.flatMap((site) => site.notices).length)
    const roles = new Set(DEMO_USERS.map((user) => user.role))
    expect([...roles].sort()).toEqual(['admin', 'editor', 'pollModerator', 'reporter'])
  })

  it('changes nothing when run again', async () => {
    const before = await snapshot()
    const report = await seedDemoContent(portal.payload)
    expect(report.created).toBe(0)
    expect(await snapshot()).toEqual(before)
  })
})
