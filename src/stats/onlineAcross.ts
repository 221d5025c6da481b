import type { KVAdapter } from 'payload'

import crypto from 'node:crypto'

import type { Clock } from './calendar.ts'
import type { Id } from './counterStore.ts'
import type { VisitRecorder } from './recorder.ts'

import { isSketch, type OnlineSketch, sketchOf, unionSize } from './onlineSketch.ts'

/**
 * "Đang online" across the instances that share a database (on SQLite, PostgreSQL and MongoDB
 * alike): every `shareIntervalMs` each instance writes, per site with readers, a sketch of the
 * visitor numbers it saw within the online window (onlineSketch.ts) into Payload's key-value store
 * (`payload-kv`, one row per site and instance). A count unions this instance's live readers with
 * the other instances' fresh sketches. Visitor numbers depend only on the reader and the shared
 * PAYLOAD_SECRET, so a reader served by two instances counts once.
 *
 * Cost and bounds: nothing on the counting path; per instance, one write of ≤ 9 KB per site with
 * readers every interval; per site, one read of the other instances' rows at most every
 * `readTtlMs`. A count is at most about interval + readTtlMs old for what other instances saw.
 * Alone (no fresh row of another instance), the count is this instance's own, exact and live.
 */
export type OnlineAcross = {
  /** Readers of the site online on any instance. */
  count: (site: Id) => Promise<number>
  /** Writes this instance's sketches now (the timer does it every interval). */
  share: () => Promise<void>
  /** Stops sharing and removes this instance's rows. */
  stop: () => Promise<void>
}

export type OnlineAcrossOptions = {
  kv: KVAdapter
  recorder: Pick<VisitRecorder, 'onlineNow' | 'onlineSites' | 'forEachOnline'>
  clock: Clock
  shareIntervalMs?: number
  readTtlMs?: number
  onError?: (error: unknown) => void
}

type SharedRow = { at: number; sketch: OnlineSketch }

const PREFIX = 'visitors-online:'
/** Rows not rewritten for this many intervals belong to a stopped instance: ignored, then removed. */
const STALE_INTERVALS = 4
const REMOVED_AFTER_MS = 10 * 60_000
const UNION_TTL_MS = 1_000

const keyOf = (site: Id, instance: string) => `${PREFIX}${site}:${instance}`

export function createOnlineAcross({ kv, recorder, clock, shareIntervalMs = 5_000, readTtlMs = 5_000, onError = () => {} }: OnlineAcrossOptions): OnlineAcross {
  const instance = crypto.randomBytes(8).toString('hex')
  /** Sites this instance has a row for. */
  const shared = new Set<string>()
  const others = new Map<string, { at: number; value: Promise<OnlineSketch[]> }>()
  const unions = new Map<string, { at: number; of: OnlineSketch[]; count: number }>()
  let sharing: Promise<void> = Promise.resolve()
  let stopped = false

  const writeRows = async () => {
    const at = clock().getTime()
    const sites = recorder.onlineSites()
    const online = new Set(sites.map(String))
    for (const site of sites) {
      await kv.set(keyOf(site, instance), { at, sketch: sketchOf((visit) => recorder.forEachOnline(site, visit)) } satisfies SharedRow)
      shared.add(String(site))
    }
    for (const site of shared) {
      if (online.has(site)) continue
      await kv.delete(keyOf(site, instance))
      shared.delete(site)
    }
  }

  const share = () => {
    sharing = sharing.catch(() => undefined).then(() => (stopped ? undefined : writeRows()))
    return sharing
  }

  /** Sketches of the other instances' fresh rows for the site; rows of long-gone instances are removed. */
  const readOthers = async (site: string): Promise<OnlineSketch[]> => {
    const now = clock().getTime()
    const prefix = `${PREFIX}${site}:`
    const mine = keyOf(site, instance)
    const keys = (await kv.keys()).filter((key) => key.startsWith(prefix) && key !== mine)
    const sketches: OnlineSketch[] = []
    for (const key of keys) {
      const row = await kv.get<SharedRow>(key)
      if (!row || typeof row.at !== 'number' || !isSketch(row.sketch)) continue
      const age = now - row.at
      if (age > REMOVED_AFTER_MS) void kv.delete(key).catch(onError)
      else if (age <= STALE_INTERVALS * shareIntervalMs) sketches.push(row.sketch)
    }
    return sketches
  }

  const timer = setInterval(() => void share().catch(onError), shareIntervalMs)
  timer.unref()

  return {
    async count(site) {
      const key = String(site)
      const now = clock().getTime()
      let cached = others.get(key)
      if (!cached || now - cached.at >= readTtlMs || now < cached.at) {
        cached = { at: now, value: readOthers(key) }
        others.set(key, cached)
        cached.value.catch(() => others.delete(key))
      }
      const sketches = await cached.value
      if (sketches.length === 0) return recorder.onlineNow(site)
      // The union walks this instance's readers: once a second per site at most.
      const union = unions.get(key)
      if (union && union.of === sketches && now - union.at < UNION_TTL_MS && now >= union.at) return union.count
      const count = unionSize([...sketches, sketchOf((visit) => recorder.forEachOnline(site, visit))])
      unions.set(key, { at: now, of: sketches, count })
      return count
    },
    share,
    async stop() {
      clearInterval(timer)
      await sharing.catch(() => undefined)
      stopped = true
      for (const site of shared) await kv.delete(keyOf(site, instance)).catch(onError)
      shared.clear()
    },
  }
}
