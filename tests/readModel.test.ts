import fc from 'fast-check'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { paragraphsToLexical } from '../src/lib/lexical.ts'
import { contentEvents } from '../src/site/contentEvents.ts'
import { findCategories } from '../src/site/queries/taxonomy.ts'
import { enterDueArticles } from '../src/site/readModel/due.ts'
import { projectArticle } from '../src/site/readModel/project.ts'
import { createSiteReader, type SiteReader } from '../src/site/readModel/reader.ts'
import { ensureReadModel, rebuildReadModel } from '../src/site/readModel/rebuild.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
})
afterAll(async () => {
  await portal?.close()
})

// One reader for the whole file, as a server has: what it keeps between pages must follow every change.
let sharedReader: SiteReader | undefined
const reader = () => (sharedReader ??= createSiteReader(readStoreOf(portal.payload)))

/** What the public may read of a site's articles, through the Local API with the public's rights. */
async function publicArticles(site: Site): Promise<Article[]> {
  const found = await portal.payload.find({ collection: 'articles', overrideAccess: false, where: { site: { equals: site.id } }, depth: 1, pagination: false, sort: '-publishedAt' })
  return found.docs
}

/** The read model of a site equals what the Local API gives the public: the same articles, each record as projected, each listing. */
async function expectReadModelMatches(site: Site): Promise<void> {
  const expected = await publicArticles(site)
  const categories = await findCategories(portal.payload, site)
  const stored = await reader().articles(site, undefined, 1, 10_000)
  expect(stored.docs.map((doc) => String(doc.id)).sort()).toEqual(expected.map((doc) => String(doc.id)).sort())
  // The kept counts (page numbers) follow every change as the entries do.
  expect(stored.totalDocs).toBe(expected.length)
  const summaries = new Map(expected.map((doc) => [String(doc.id), JSON.parse(projectArticle(doc, categories).summary)]))
  // The kept listing pages too: a renamed category or author changes the summaries, not the ids.
  for (const doc of stored.docs) expect(doc, doc.slug).toEqual(summaries.get(String(doc.id)))
  for (const doc of expected) {
    const record = projectArticle(doc, categories)
    const article = await reader().article(site, doc.slug)
    expect(article, doc.slug).toEqual({ ...JSON.parse(record.summary), ...JSON.parse(record.data) })
  }
  for (const category of categories) {
    const tree = new Set([String(category.id)])
    for (let grew = true; grew; ) {
      grew = false
      for (const candidate of categories) {
        const parent = typeof candidate.parent === 'object' ? candidate.parent?.id : candidate.parent
        if (parent && tree.has(String(parent)) && !tree.has(String(candidate.id))) grew = tree.add(String(candidate.id)) !== undefined
      }
    }
    const inTree = expected.filter((doc) => (doc.categories ?? []).some((item) => tree.has(String(typeof item === 'object' ? item.id : item))))
    const listed = await reader().articles(site, `category:${category.id}`, 1, 10_000)
    expect(listed.docs.map((doc) => String(doc.id)).sort(), category.slug).toEqual(inTree.map((doc) => String(doc.id)).sort())
    expect(listed.totalDocs, category.slug).toBe(inTree.length)
  }
}

type Step =
  | { op: 'create'; published: boolean; featured: boolean; category: number; tag: number }
  | { op: 'edit'; target: number; title: string }
  | { op: 'saveDraft'; target: number; title: string }
  | { op: 'publish'; target: number }
  | { op: 'unpublish'; target: number }
  | { op: 'schedule'; target: number }
  | { op: 'delete'; target: number }
  | { op: 'renameCategory'; category: number; title: string }
  | { op: 'renameAuthor'; title: string }
  | { op: 'retag'; target: number; tag: number }

const title = fc.constantFrom('Hội nghị sơ kết', 'Đại hội Đoàn', 'Kế hoạch năm 2021', 'Thông báo lịch tiếp dân', 'Điện Biên kết nghĩa')
const index = fc.nat({ max: 20 })
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('create' as const), published: fc.boolean(), featured: fc.boolean(), category: index, tag: index }), weight: 4 },
  fc.record({ op: fc.constant('edit' as const), target: index, title }),
  fc.record({ op: fc.constant('saveDraft' as const), target: index, title }),
  fc.record({ op: fc.constant('publish' as const), target: index }),
  fc.record({ op: fc.constant('unpublish' as const), target: index }),
  fc.record({ op: fc.constant('schedule' as const), target: index }),
  fc.record({ op: fc.constant('delete' as const), target: index }),
  fc.record({ op: fc.constant('renameCategory' as const), category: index, title }),
  fc.record({ op: fc.constant('renameAuthor' as const), title }),
  fc.record({ op: fc.constant('retag' as const), target: index, tag: index }),
)

describe('read model', () => {
  it('equals what the public may read after any sequence of editorial changes', async () => {
    const { payload } = portal
    const created: (number | string)[] = []
    const pick = <T>(items: T[], at: number) => items[at % items.length]!
    const categories = await findCategories(payload, hoabinh)
    const tags = (await payload.find({ collection: 'tags', where: { site: { equals: hoabinh.id } }, pagination: false })).docs
    const authors = (await payload.find({ collection: 'authors', where: { site: { equals: hoabinh.id } }, pagination: false })).docs
    let serial = 0
    const apply = async (step: Step) => {
      const target = step.op !== 'create' && 'target' in step && created.length > 0 ? pick(created, step.target) : undefined
      const update = (data: Partial<Article>, draft = false) => payload.update({ collection: 'articles', id: target!, data, draft })
      switch (step.op) {
        case 'create': {
          const doc = await payload.create({
            collection: 'articles',
            data: {
              title: `Bài thử ${++serial}`,
              slug: '',
              site: hoabinh.id,
              lead: 'Tóm tắt.',
              body: paragraphsToLexical(['Nội dung bài thử.']),
              categories: [pick(categories, step.category).id],
              tags: [pick(tags, step.tag).id],
              authors: [authors[0]!.id],
              featured: step.featured,
              _status: step.published ? 'published' : 'draft',
            },
            draft: !step.published,
          })
          created.push(doc.id)
          return
        }
        case 'edit':
          return target && update({ title: `${step.title} ${++serial}` })
        case 'saveDraft':
          return target && update({ title: `${step.title} (nháp) ${++serial}`, _status: 'draft' }, true)
        case 'publish':
          return target && update({ _status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() })
        case 'unpublish':
          return target && update({ _status: 'draft' })
        case 'schedule':
          return target && update({ _status: 'published', publishedAt: new Date(Date.now() + 86_400_000).toISOString() })
        case 'delete':
          if (!target) return
          created.splice(created.indexOf(target), 1)
          return payload.delete({ collection: 'articles', id: target })
        case 'renameCategory':
          return payload.update({ collection: 'categories', id: pick(categories, step.category).id, data: { title: `${step.title} ${++serial}` } })
        case 'renameAuthor':
          return payload.update({ collection: 'authors', id: authors[0]!.id, data: { name: `${step.title} ${++serial}` } })
        case 'retag':
          return target && update({ tags: [pick(tags, step.tag).id] })
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 8 }), async (steps) => {
        for (const each of steps) {
          await apply(each)
          await expectReadModelMatches(hoabinh)
        }
      }),
      { numRuns: 8 },
    )
    // The other site was never touched and still matches too.
    await expectReadModelMatches(kontum)
  })

  it('enters an article whose publishing time comes, not before', async () => {
    const { payload } = portal
    const soon = new Date(Date.now() + 1500).toISOString()
    const doc = await payload.create({ collection: 'articles', data: { title: 'Tin hẹn giờ đăng', slug: '', site: kontum.id, publishedAt: soon, _status: 'published' } })
    expect(await reader().article(kontum, doc.slug)).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 1600))
    expect(await enterDueArticles(payload, new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1)
    expect((await reader().article(kontum, doc.slug))?.title).toBe('Tin hẹn giờ đăng')
  })

  it('purges pages only once the change commits, and writes nothing of a change that rolls back', async () => {
    const { payload } = portal
    const purged: string[][] = []
    const listener = (change: { tags?: string[] }) => purged.push(change.tags ?? [])
    contentEvents.on('pagesChanged', listener)
    try {
      for (const outcome of ['commit', 'rollback'] as const) {
        purged.length = 0
        const req = await createLocalReq({}, payload)
        await initTransaction(req)
        const doc = await payload.create({ collection: 'articles', data: { title: `Tin giao dịch ${outcome}`, slug: '', site: kontum.id, _status: 'published' }, req })
        expect(purged, 'no purge before the commit').toEqual([])
        if (outcome === 'commit') await commitTransaction(req)
        else await killTransaction(req)
        const record = await reader().article(kontum, doc.slug)
        if (outcome === 'commit') {
          expect(record?.title).toBe('Tin giao dịch commit')
          expect(purged.flat()).toContain(`article:${doc.id}`)
        } else {
          expect(record).toBeUndefined()
          expect(purged).toEqual([])
        }
      }
    } finally {
      contentEvents.off('pagesChanged', listener)
    }
  })

  it('rebuilds from scratch to the same records', async () => {
    const before = await reader().articles(hoabinh, undefined, 1, 10_000)
    const { records } = await rebuildReadModel(portal.payload)
    expect(records).toBeGreaterThan(before.totalDocs)
    const after = await reader().articles(hoabinh, undefined, 1, 10_000)
    expect(after).toEqual(before)
    await expectReadModelMatches(hoabinh)
  })

  it('is rebuilt at start when its records are missing or of another version', async () => {
    const before = await reader().articles(hoabinh, undefined, 1, 10_000)
    await readStoreOf(portal.payload).reset()
    expect((await reader().articles(hoabinh, undefined, 1, 10_000)).totalDocs).toBe(0)
    await ensureReadModel(portal.payload)
    expect(await reader().articles(hoabinh, undefined, 1, 10_000)).toEqual(before)
    expect(await readStoreOf(portal.payload).prepare()).toEqual({ current: true })
  })

  it('counts the listings of a read model made before the counts were kept, when it starts', async () => {
    const before = await reader().articles(hoabinh, undefined, 1, 10_000)
    expect(before.totalDocs).toBeGreaterThan(0)
    // As a read model of the previous release: entries, but no kept counts.
    const db = portal.payload.db as unknown as { name: string; client?: { execute: (text: string) => Promise<unknown> }; pool?: { query: (text: string) => Promise<unknown> } }
    const execute = (text: string) => (db.name === 'sqlite' ? db.client!.execute(text) : db.pool!.query(text))
    await execute('DELETE FROM read_list_counts')
    await execute(`DELETE FROM read_model_meta WHERE key = 'list_counts'`)
    // Readers of a server starting on that database: nothing kept from before.
    const freshReader = () => createSiteReader(readStoreOf(portal.payload))
    expect((await freshReader().articles(hoabinh, undefined, 1, 10_000)).totalDocs).toBe(0)
    expect(await readStoreOf(portal.payload).prepare()).toEqual({ current: true })
    expect(await freshReader().articles(hoabinh, undefined, 1, 10_000)).toEqual(before)
    await expectReadModelMatches(hoabinh)
  })

  it('finds a small site\'s matches however many the big site has (site inside the full-text query)', async () => {
    const { payload } = portal
    // Kon Tum gets one older match; Hòa Bình 1,100 newer ones of the same word.
    await payload.create({ collection: 'articles', data: { title: 'Hợp tác xã Kon Tum', slug: '', site: kontum.id, publishedAt: '2019-01-01T00:00:00.000Z', _status: 'published' } })
    const store = readStoreOf(payload)
    const many = Array.from({ length: 1100 }, (_, at) => ({
      kind: 'article' as const,
      id: `bulk-${at}`,
      site: String(hoabinh.id),
      slug: `hop-tac-xa-${at}`,
      sortAt: new Date(Date.UTC(2024, 0, 1) + at * 60_000).toISOString(),
      updatedAt: '2024-01-01T00:00:00.000Z',
      digest: `d${at}`,
      summary: '{}',
      data: '{}',
      searchTitle: ' hop tac xa ',
      searchText: ' hop tac xa ',
      lists: [],
    }))
    for (const record of many) await store.put({}, record, undefined)
    const hits = await store.search('article', String(kontum.id), ['hop', 'tac'], 1001)
    expect(hits.length).toBeGreaterThanOrEqual(1)
    expect((await reader().search(kontum, ['hop', 'tac'], 1)).docs.map((doc) => doc.title)).toContain('Hợp tác xã Kon Tum')
    expect((await store.search('article', String(hoabinh.id), ['hop', 'tac'], 1001)).length).toBe(1001)
    for (const record of many) await store.remove({}, 'article', record.id, record)
  })
})
