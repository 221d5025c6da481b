import type { Payload } from 'payload'

import type { CounterIncrement, CounterStore, Id } from './counterStore.ts'

import type { VisitorId } from './visitor.ts'

import { type Clock, systemClock, vietnamDay } from './calendar.ts'
import { RecentSet } from './recentSet.ts'

/**
 * One counted page view: the site, who (see visitor.ts) and, on an article page, the article's
 * slug with the visitor's number for that article (`viewer`).
 */
export type PageView = { site: Id; visitor: VisitorId; article?: { slug: string; viewer: VisitorId } }

export type VisitRecorderOptions = {
  payload: Payload
  store: CounterStore
  clock?: Clock
  /**
   * Views are added up in memory and written every this often. This is what a crash can lose:
   * the views of at most one interval (and of a failed flush still waiting for its retry).
   */
  flushIntervalMs?: number
  /** A visitor counts once per article in this window. */
  articleWindowMs?: number
  /** "Đang online": distinct visitors seen within this window. */
  onlineWindowMs?: number
  /** Bound on remembered (visitor, article) pairs and on online visitors per site; the oldest are forgotten first. */
  maxRemembered?: number
  /** Called after each write of counts, so that summaries read from the database can be dropped. */
  onWritten?: () => void
}

export type VisitRecorder = {
  /** Counts a view at `now` (the clock's time by default). */
  record: (view: PageView, now?: Date) => void
  /** Writes what is pending; resolves when it is in the database. */
  flush: () => Promise<void>
  /** Milliseconds since the oldest view not yet in the database was counted (0: nothing pending). */
  pendingAgeMs: () => number
  onlineNow: (site: Id) => number
  /** Sites with readers online here, and each one's visitor numbers (for the count across instances). */
  onlineSites: () => Id[]
  forEachOnline: (site: Id, visit: (visitor: VisitorId) => void) => void
  /** Flushes and stops the timer (graceful shutdown). */
  stop: () => Promise<void>
}

/** Views of one site on one day, not yet written: all its pages, and article pages by slug. */
type SiteTally = { visits: number; articles: Map<string, number> }
/** Pending tallies by day key, then site. Built without a string per view: this runs for every page served. */
type Pending = Map<string, Map<Id, SiteTally>>

type PendingRow = { site: Id; slug: string | null; day: string; count: number }

/**
 * Counts page views in memory and adds them to the day buckets with one atomic upsert per bucket
 * and flush. A visitor counts once per article per `articleWindowMs`; site visits count every page.
 */
export function createVisitRecorder({
  payload,
  store,
  clock = systemClock,
  flushIntervalMs = 2_000,
  articleWindowMs = 30 * 60_000,
  onlineWindowMs = 5 * 60_000,
  maxRemembered = 200_000,
  onWritten,
}: VisitRecorderOptions): VisitRecorder {
  let pending: Pending = new Map()
  let pendingSince = 0
  const countedViewers = new RecentSet(articleWindowMs, maxRemembered)
  const online = new Map<Id, RecentSet>()
  const articleIds = new Map<string, Id>()
  let flushing: Promise<void> = Promise.resolve()

  const tallyOf = (day: string, site: Id): SiteTally => {
    if (pending.size === 0) pendingSince = clock().getTime()
    let sites = pending.get(day)
    if (!sites) pending.set(day, (sites = new Map()))
    let tally = sites.get(site)
    if (!tally) sites.set(site, (tally = { visits: 0, articles: new Map() }))
    return tally
  }

  const addArticleViews = (tally: SiteTally, slug: string, count: number) => tally.articles.set(slug, (tally.articles.get(slug) ?? 0) + count)

  const add = ({ site, slug, day, count }: PendingRow) => {
    const tally = tallyOf(day, site)
    if (slug === null) tally.visits += count
    else addArticleViews(tally, slug, count)
  }

  const rowsOf = (batch: Pending): PendingRow[] => {
    const rows: PendingRow[] = []
    for (const [day, sites] of batch) {
      for (const [site, tally] of sites) {
        if (tally.visits > 0) rows.push({ site, slug: null, day, count: tally.visits })
        for (const [slug, count] of tally.articles) rows.push({ site, slug, day, count })
      }
    }
    return rows
  }

  /** Slugs of articles to ids, in one query per site and flush; ids are remembered. */
  const resolveArticles = async (entries: PendingRow[]): Promise<Map<string, Id>> => {
    const missing = new Map<Id, Set<string>>()
    for (const entry of entries) {
      if (entry.slug && !articleIds.has(`${entry.site} ${entry.slug}`)) {
        const slugs = missing.get(entry.site) ?? new Set<string>()
        slugs.add(entry.slug)
        missing.set(entry.site, slugs)
      }
    }
    for (const [site, slugs] of missing) {
      const found = await payload.find({
        collection: 'articles',
        where: { and: [{ site: { equals: site } }, { slug: { in: [...slugs] } }] },
        select: { slug: true },
        depth: 0,
        limit: slugs.size,
        pagination: false,
        overrideAccess: false,
      })
      if (articleIds.size > 50_000) articleIds.clear()
      for (const article of found.docs) articleIds.set(`${site} ${article.slug}`, article.id)
    }
    return articleIds
  }

  const writePending = async () => {
    if (pending.size === 0) return
    const batch = rowsOf(pending)
    pending = new Map()
    try {
      const ids = await resolveArticles(batch)
      const rows: CounterIncrement[] = []
      for (const entry of batch) {
        if (!entry.slug) {
          rows.push({ site: entry.site, day: entry.day, count: entry.count })
          continue
        }
        const article = ids.get(`${entry.site} ${entry.slug}`)
        if (article !== undefined) rows.push({ site: entry.site, article, day: entry.day, count: entry.count })
      }
      await store.increment(rows)
      onWritten?.()
    } catch (error) {
      // Put the batch back so the next flush retries it.
      for (const entry of batch) add(entry)
      payload.logger.error({ err: error, msg: 'visit counters: flush failed, will retry' })
      throw error
    }
  }

  const flush = () => {
    flushing = flushing.catch(() => undefined).then(writePending)
    return flushing
  }

  const timer = setInterval(() => void flush().catch(() => undefined), flushIntervalMs)
  timer.unref()

  return {
    record(view, now = clock()) {
      const time = now.getTime()
      const tally = tallyOf(vietnamDay(now), view.site)
      tally.visits++
      let visitors = online.get(view.site)
      if (!visitors) online.set(view.site, (visitors = new RecentSet(onlineWindowMs, maxRemembered)))
      visitors.see(view.visitor, time)
      const article = view.article
      if (article && countedViewers.addIfAbsent(article.viewer, time)) addArticleViews(tally, article.slug, 1)
    },
    flush,
    pendingAgeMs: () => (pending.size === 0 ? 0 : clock().getTime() - pendingSince),
    onlineNow(site) {
      return online.get(site)?.size(clock().getTime()) ?? 0
    },
    onlineSites() {
      const now = clock().getTime()
      return [...online].filter(([, visitors]) => visitors.size(now) > 0).map(([site]) => site)
    },
    forEachOnline(site, visit) {
      online.get(site)?.forEach(clock().getTime(), visit)
    },
    async stop() {
      clearInterval(timer)
      await flush()
    },
  }
}
