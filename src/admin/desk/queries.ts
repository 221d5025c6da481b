import type { Payload, Where } from 'payload'

import type { Article, User } from '../../payload-types.ts'

import { readHistory, type ReviewEntry } from '../../../collections/Articles/review/steps.ts'
import { vietnamDay } from '../../stats/calendar.ts'
import { createCounterStore } from '../../stats/counterStore.ts'
import { sitesOf, topArticles } from '../../stats/admin/VisitsDashboard.tsx'

/**
 * What the editors' desk shows, as named queries run with the signed-in user's own access
 * (`overrideAccess: false`): the multi-tenant rules keep each user to the sites assigned to them.
 */
export type DeskQuery = { payload: Payload; user: User; now?: Date; limit?: number }

export type DeskArticle = Pick<Article, 'id' | 'title' | 'reviewState' | '_status' | 'reviewNote' | 'publishedAt' | 'updatedAt'> & {
  /** The latest review step of its kind, for "who sent it, since when". */
  lastStep?: ReviewEntry
}

const select = { title: true, reviewState: true, _status: true, reviewNote: true, reviewHistory: true, publishedAt: true, updatedAt: true } as const

function toDeskArticle(article: Pick<Article, keyof typeof select | 'id'>, step?: ReviewEntry['step']): DeskArticle {
  const history = readHistory(article.reviewHistory)
  const lastStep = step ? history.findLast((entry) => entry.step === step) : history.at(-1)
  const { reviewHistory: _history, ...rest } = article
  return { ...rest, lastStep }
}

/** Articles sent for review and not yet decided, the longest waiting first. */
export async function waitingForReview({ payload, user, limit = 10 }: DeskQuery) {
  const result = await payload.find({
    collection: 'articles',
    draft: true,
    where: { reviewState: { equals: 'submitted' } },
    sort: 'updatedAt',
    select,
    depth: 0,
    limit,
    overrideAccess: false,
    user,
  })
  const docs = result.docs.map((doc) => toDeskArticle(doc, 'submitted'))
  // The wait starts at the last submission (an article's updatedAt moves with any edit).
  docs.sort((a, b) => Date.parse(a.lastStep?.at ?? a.updatedAt) - Date.parse(b.lastStep?.at ?? b.updatedAt))
  return { docs, total: result.totalDocs }
}

/** Articles that go public later: published with a future date, or queued by "Lên lịch xuất bản". */
export async function scheduledArticles({ payload, user, now = new Date(), limit = 10 }: DeskQuery) {
  // server rights: Payload's job queue is closed to everyone; the articles are then read with the user's access.
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { waitUntil: { greater_than: now.toISOString() } }] },
    sort: 'waitUntil',
    depth: 0,
    limit: 200,
    overrideAccess: true,
  })
  const queued = new Map<string, string>()
  for (const job of jobs.docs) {
    const input = job.input as { type?: string; doc?: { relationTo?: string; value?: number | string } } | undefined
    if (input?.type === 'publish' && input.doc?.relationTo === 'articles' && input.doc.value != null && job.waitUntil) {
      queued.set(String(input.doc.value), queued.get(String(input.doc.value)) ?? job.waitUntil)
    }
  }
  const where: Where = {
    or: [
      { and: [{ _status: { equals: 'published' } }, { publishedAt: { greater_than: now.toISOString() } }] },
      ...(queued.size > 0 ? [{ id: { in: [...queued.keys()] } }] : []),
    ],
  }
  const result = await payload.find({ collection: 'articles', where, select, depth: 0, limit: 50, overrideAccess: false, user })
  const docs = result.docs
    .map((doc) => ({ ...toDeskArticle(doc), goesPublicAt: queued.get(String(doc.id)) ?? doc.publishedAt! }))
    .sort((a, b) => Date.parse(a.goesPublicAt) - Date.parse(b.goesPublicAt))
  return { docs: docs.slice(0, limit), total: docs.length }
}

/** The last articles that went public. */
export async function recentlyPublished({ payload, user, now = new Date(), limit = 5 }: DeskQuery) {
  const result = await payload.find({
    collection: 'articles',
    where: { and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: now.toISOString() } }] },
    sort: '-publishedAt',
    select,
    depth: 0,
    limit,
    overrideAccess: false,
    user,
  })
  return { docs: result.docs.map((doc) => toDeskArticle(doc, 'published')), total: result.totalDocs }
}

/** Per site of the user, today's most read articles (Vietnamese calendar day) from the visit statistics. */
export async function mostReadToday({ payload, user, now = new Date(), limit = 5 }: DeskQuery) {
  const sites = await sitesOf(payload, user)
  if (sites.length === 0) return []
  const store = await createCounterStore(payload)
  const today = vietnamDay(now)
  return Promise.all(sites.map(async (site) => ({ site, rows: (await topArticles(payload, store, user, site, today, today)).slice(0, limit) })))
}

/** The signed-in reporter's own articles, last changed first, with where each stands. */
export async function myArticles({ payload, user, limit = 10 }: DeskQuery) {
  const result = await payload.find({
    collection: 'articles',
    draft: true,
    where: { createdBy: { equals: user.id } },
    sort: '-updatedAt',
    select,
    depth: 0,
    limit,
    overrideAccess: false,
    user,
  })
  return { docs: result.docs.map((doc) => toDeskArticle(doc)), total: result.totalDocs }
}

/** How many articles of the user's sites are in a review state (their latest version). */
export async function countInReview({ payload, user }: DeskQuery, state: 'submitted' | 'returned'): Promise<number> {
  const result = await payload.find({ collection: 'articles', draft: true, where: { reviewState: { equals: state } }, select: {}, depth: 0, limit: 1, overrideAccess: false, user })
  return result.totalDocs
}
