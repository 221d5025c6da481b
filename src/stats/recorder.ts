import type { Payload } from 'payload'

import type { CounterIncrement, CounterStore, Id } from './counterStore.ts'

import { type Clock, systemClock, vietnamDay } from './calendar.ts'

/** One counted page view: the site, the article's slug when it is an article page, who (hashed). */
export type PageView = { site: Id; articleSlug?: string; visitor: string }

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
  /** Bound on remembered (visitor, article) pairs; the oldest are forgotten first. */
  maxRemembered?: number
  /** Called after each write of counts, so that summaries read from the database can be dropped. */
  onWritten?: () => void
}

export type VisitRecorder = {
  record: (view: PageView) => void
  /** Writes what is pending; resolves when it is in the database. */
  flush: () => Promise<void>
  onlineNow: (site: Id) => number
  /** Flushes and stops the timer (graceful shutdown). */
  stop: () => Promise<void>
}

type Pending = { site: Id; slug: string | null; day: string; count: number }

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
  let pending = new Map<string, Pending>()
  const seenArticles = new Map<string, number>()
  const online = new Map<string, Map<string, number>>()
  const articleIds = new Map<string, Id>()
  let flushing: Promise<void> = Promise.resolve()

  const add = (site: Id, slug: string | null, day: string, count: number) => {
    const key = `${site} ${slug ?? ''} ${day}`
    const entry = pending.get(key)
    if (entry) entry.count += count
    else pending.set(key, { site, slug, day, count })
  }

  const firstViewOfArticle = (view: PageView, now: number): boolean => {
    const key = `${view.visitor} ${view.site} ${view.articleSlug}`
    const until = seenArticles.get(key)
    if (until !== undefined && until > now) return false
    seenArticles.delete(key)
    seenArticles.set(key, now + articleWindowMs)
    while (seenArticles.size > maxRemembered) seenArticles.delete(seenArticles.keys().next().value!)
    return true
  }

  const markOnline = (view: PageView, now: number) => {
    const key = String(view.site)
    let visitors = online.get(key)
    if (!visitors) online.set(key, (visitors = new Map()))
    visitors.delete(view.visitor)
    visitors.set(view.visitor, now)
    while (visitors.size > maxRemembered) visitors.delete(visitors.keys().next().value!)
  }

  /** Slugs of articles to ids, in one query per site and flush; ids are remembered. */
  const resolveArticles = async (entries: Pending[]): Promise<Map<string, Id>> => {
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
    const batch = pending
    pending = new Map()
    try {
      const ids = await resolveArticles([...batch.values()])
      const rows: CounterIncrement[] = []
      for (const entry of batch.values()) {
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
      for (const entry of batch.values()) add(entry.site, entry.slug, entry.day, entry.count)
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
    record(view) {
      const now = clock()
      const time = now.getTime()
      const day = vietnamDay(now)
      markOnline(view, time)
      add(view.site, null, day, 1)
      if (view.articleSlug && firstViewOfArticle(view, time)) add(view.site, view.articleSlug, day, 1)
    },
    flush,
    onlineNow(site) {
      const visitors = online.get(String(site))
      if (!visitors) return 0
      const since = clock().getTime() - onlineWindowMs
      // Oldest first: drop everyone not seen within the window.
      for (const [visitor, seen] of visitors) {
        if (seen >= since) break
        visitors.delete(visitor)
      }
      return visitors.size
    },
    async stop() {
      clearInterval(timer)
      await flush()
    },
  }
}
