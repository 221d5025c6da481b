import type { Payload } from 'payload'

import type { Site } from '../payload-types.ts'
import type { CounterStore, Id } from './counterStore.ts'

import { env } from '../config/env.ts'
import { calendarRanges, type Clock, systemClock } from './calendar.ts'
import { createCounterStore } from './counterStore.ts'
import { createOnlineAcross, type OnlineAcross } from './onlineAcross.ts'
import { createVisitRecorder, type VisitRecorder } from './recorder.ts'

/** What the "Thống kê truy cập" box shows. */
export type VisitSummary = {
  today: number
  yesterday: number
  month: number
  monthLabel: string
  year: number
  yearLabel: string
  online: number
  total: number
}

export type VisitStats = {
  store: CounterStore
  recorder: VisitRecorder
  /** "Đang online" across the instances on the database. */
  online: OnlineAcross
  clock: Clock
  summary: (site: Pick<Site, 'id' | 'visitsOffset'>) => Promise<VisitSummary>
  /** An article's "Lượt xem": its starting value (imported history) plus counted views. */
  articleViews: (article: { id: Id; views?: number | null }) => Promise<number>
}

/** Summaries are kept this long per site, so a busy page costs the database one read per interval. */
const SUMMARY_TTL_MS = 5_000

export async function summarizeVisits(store: CounterStore, online: Pick<OnlineAcross, 'count'>, site: Pick<Site, 'id' | 'visitsOffset'>, now: Date): Promise<VisitSummary> {
  const ranges = calendarRanges(now)
  const [today, yesterday, month, year, counted, onlineNow] = await Promise.all([
    store.siteVisits(site.id, { from: ranges.today, to: ranges.today }),
    store.siteVisits(site.id, { from: ranges.yesterday, to: ranges.yesterday }),
    store.siteVisits(site.id, ranges.month),
    store.siteVisits(site.id, ranges.year),
    store.siteVisits(site.id),
    online.count(site.id),
  ])
  return {
    today,
    yesterday,
    month,
    monthLabel: ranges.month.label,
    year,
    yearLabel: ranges.year.label,
    online: onlineNow,
    total: (site.visitsOffset ?? 0) + counted,
  }
}

/** The counting and reading side of visit statistics, built from a store (tests pass their clock). */
export function createVisitStats(payload: Payload, store: CounterStore, clock: Clock = systemClock, flushIntervalMs?: number): VisitStats {
  const summaries = new Map<string, { at: number; value: Promise<VisitSummary> }>()
  // New counts make the kept summaries old at once.
  const recorder = createVisitRecorder({ payload, store, clock, flushIntervalMs, onWritten: () => summaries.clear() })
  const online = createOnlineAcross({
    kv: payload.kv,
    recorder,
    clock,
    onError: (error) => payload.logger.error({ err: error, msg: 'visit statistics: sharing online readers failed' }),
  })
  return {
    store,
    recorder,
    online,
    clock,
    async summary(site) {
      const now = clock()
      const key = String(site.id)
      let cached = summaries.get(key)
      if (!cached || now.getTime() - cached.at >= SUMMARY_TTL_MS || now.getTime() < cached.at) {
        // Cached without the site's starting offset, which an administrator may change at any time.
        cached = { at: now.getTime(), value: summarizeVisits(store, online, { id: site.id, visitsOffset: 0 }, now) }
        summaries.set(key, cached)
        cached.value.catch(() => summaries.delete(key))
      }
      const [counted, onlineNow] = await Promise.all([cached.value, online.count(site.id)])
      return { ...counted, online: onlineNow, total: counted.total + (site.visitsOffset ?? 0) }
    },
    async articleViews(article) {
      return (article.views ?? 0) + (await store.articleViews(article.id))
    },
  }
}

const instances = new WeakMap<Payload, Promise<VisitStats>>()

/** The one VisitStats of a Payload instance (one recorder per process and database). */
export function visitStats(payload: Payload): Promise<VisitStats> {
  let stats = instances.get(payload)
  if (!stats) {
    stats = createCounterStore(payload).then((store) => createVisitStats(payload, store, systemClock, env().visitsFlushSeconds * 1000))
    instances.set(payload, stats)
  }
  return stats
}
