import { describe, expect, it } from 'vitest'

import type { CounterIncrement, CounterStore } from '../src/stats/counterStore.ts'

import { RecentSet } from '../src/stats/recentSet.ts'
import { createVisitRecorder } from '../src/stats/recorder.ts'
import { visitorIdentity } from '../src/stats/visitor.ts'

const MINUTE = 60_000
const start = Date.parse('2026-06-30T10:00:00Z')
/** Distinct positive 52-bit numbers, as visitor.ts makes them. */
const id = (index: number) => 2 ** 51 + index * 7_919 + 1

describe('RecentSet: visitors within a window, without a Map', () => {
  it('counts distinct visitors seen in the window, and drops them once it has passed', () => {
    const online = new RecentSet(5 * MINUTE, 1_000_000)
    for (let index = 0; index < 5_000; index++) online.see(id(index), start)
    for (let index = 0; index < 5_000; index += 2) online.see(id(index), start + 3 * MINUTE)
    expect(online.size(start + 3 * MINUTE)).toBe(5_000)
    // The odd ones were last seen at the start, the even ones three minutes later.
    expect(online.size(start + 5 * MINUTE)).toBe(2_500)
    expect(online.size(start + 8 * MINUTE)).toBe(0)
  })

  it('adds a number once per window, counted from its first addition', () => {
    const viewers = new RecentSet(30 * MINUTE, 1_000)
    expect(viewers.addIfAbsent(id(1), start)).toBe(true)
    expect(viewers.addIfAbsent(id(1), start + 29 * MINUTE)).toBe(false)
    expect(viewers.addIfAbsent(id(2), start + 29 * MINUTE)).toBe(true)
    expect(viewers.addIfAbsent(id(1), start + 30 * MINUTE)).toBe(true)
    expect(viewers.addIfAbsent(id(1), start + 31 * MINUTE)).toBe(false)
  })

  it('keeps every number apart through growth and sweeps (numbers that share table slots included)', () => {
    const viewers = new RecentSet(30 * MINUTE, 1_000_000)
    // Same low 32 bits: all of them start probing at the same slot.
    const sameSlot = (index: number) => (index + 1) * 2 ** 32 + 12_345
    for (let index = 0; index < 300; index++) expect(viewers.addIfAbsent(sameSlot(index), start + index)).toBe(true)
    for (let index = 0; index < 50_000; index++) expect(viewers.addIfAbsent(id(index), start + index * 10)).toBe(true)
    for (let index = 0; index < 300; index++) expect(viewers.addIfAbsent(sameSlot(index), start + 600_000)).toBe(false)
    for (let index = 0; index < 50_000; index += 97) expect(viewers.addIfAbsent(id(index), start + 600_000)).toBe(false)
    expect(viewers.size(start + 600_000)).toBe(50_300)
  })

  it('remembers at most its bound, forgetting the earliest seen first', () => {
    const online = new RecentSet(5 * MINUTE, 10_000)
    for (let index = 0; index < 25_000; index++) online.see(id(index), start + index * 10)
    const now = start + 25_000 * 10
    const size = online.size(now)
    expect(size).toBeLessThanOrEqual(10_000)
    expect(size).toBeGreaterThanOrEqual(7_500)
    const viewers = new RecentSet(5 * MINUTE, 10_000)
    for (let index = 0; index < 25_000; index++) viewers.addIfAbsent(id(index), start + index * 10)
    // The newest are still known, the first ones forgotten (so they would count again).
    expect(viewers.addIfAbsent(id(24_999), now)).toBe(false)
    expect(viewers.addIfAbsent(id(0), now)).toBe(true)
  })

  it('takes a clock set back as a new start rather than as visitors from the future', () => {
    const online = new RecentSet(5 * MINUTE, 1_000)
    online.see(id(1), start + 10 * MINUTE)
    expect(online.size(start + 10 * MINUTE)).toBe(1)
    expect(online.size(start)).toBe(0)
  })
})

describe('visitor numbers', () => {
  const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0'

  it('are the same for one reader on one day, and change with the reader, the day and the secret', () => {
    const identity = visitorIdentity('one secret')
    const morning = new Date('2026-06-30T01:00:00Z')
    const evening = new Date('2026-06-30T16:59:00Z') // 23:59 in Vietnam, the same day
    const nextDay = new Date('2026-06-30T17:00:00Z')
    const reader = identity.visitor('10.0.0.1', UA, morning)
    expect(Number.isSafeInteger(reader) && reader > 0 && reader < 2 ** 52).toBe(true)
    expect(identity.visitor('10.0.0.1', UA, evening)).toBe(reader)
    expect(identity.visitor('10.0.0.1', UA, nextDay)).not.toBe(reader)
    expect(identity.visitor('10.0.0.2', UA, morning)).not.toBe(reader)
    expect(identity.visitor('10.0.0.1', `${UA} Edg/130.0`, morning)).not.toBe(reader)
    expect(visitorIdentity('another secret').visitor('10.0.0.1', UA, morning)).not.toBe(reader)
  })

  it('give each reader of a page their own number, different per page, without clashes', () => {
    const identity = visitorIdentity('one secret')
    const now = new Date('2026-06-30T01:00:00Z')
    const readers = Array.from({ length: 20_000 }, (_, index) => identity.visitor(`10.1.${index >> 8}.${index & 255}`, UA, now))
    const viewers = new Set<number>()
    for (const page of ['1/hoi-nghi-so-ket', '1/thong-bao', '2/hoi-nghi-so-ket']) {
      for (const reader of readers) {
        const viewer = identity.viewerOf(reader, page)
        expect(Number.isSafeInteger(viewer) && viewer > 0 && viewer < 2 ** 52).toBe(true)
        viewers.add(viewer)
      }
    }
    expect(viewers.size).toBe(3 * readers.length)
    expect(identity.viewerOf(readers[0]!, '1/thong-bao')).toBe(identity.viewerOf(readers[0]!, '1/thong-bao'))
  })
})

describe('the recorder with a controlled clock', () => {
  /** A store that keeps the increments, and a Payload that knows one article. */
  function recorderAt(clock: () => Date) {
    const written: CounterIncrement[] = []
    const store = { increment: async (rows: CounterIncrement[]) => void written.push(...rows) } as unknown as CounterStore
    const payload = { find: async () => ({ docs: [{ id: 7, slug: 'hoi-nghi' }] }), logger: console } as never
    const recorder = createVisitRecorder({ payload, store, clock, flushIntervalMs: 3_600_000 })
    const sum = (article: boolean) => written.filter((row) => (row.article != null) === article).reduce((total, row) => total + row.count, 0)
    return { recorder, sum }
  }

  it("counts a reader's article view again after 30 minutes, and online readers for 5 minutes", async () => {
    let now = new Date('2026-06-30T03:00:00Z')
    const { recorder, sum } = recorderAt(() => now)
    const view = (reader: number) => recorder.record({ site: 1, visitor: id(reader), article: { slug: 'hoi-nghi', viewer: id(reader) + 1 } })
    view(1)
    view(2)
    now = new Date('2026-06-30T03:04:59Z')
    expect(recorder.onlineNow(1)).toBe(2)
    now = new Date('2026-06-30T03:29:59Z')
    view(1)
    // Reader 2 was last seen half an hour ago: only reader 1 is online.
    expect(recorder.onlineNow(1)).toBe(1)
    now = new Date('2026-06-30T03:30:00Z')
    view(1)
    now = new Date('2026-06-30T03:35:00Z')
    expect(recorder.onlineNow(1)).toBe(0)
    await recorder.stop()
    expect(sum(false)).toBe(4)
    expect(sum(true)).toBe(3)
  })
})
