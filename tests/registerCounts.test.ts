import { describe, expect, it } from 'vitest'

import type { ReadStore, RegisterGroup } from '../src/site/readModel/store.ts'

import { createRegisterCounts } from '../src/site/readModel/registerCounts.ts'

/** A store that answers only what the counts read, and counts how often the groups are read. */
function fakeStore(groups: RegisterGroup[]) {
  const state = { version: '1', reads: 0, groups }
  const store = {
    registerVersion: async () => state.version,
    registerGroups: async (_site: string, today: string) => {
      state.reads++
      return state.groups.map((group) => ({ ...group, validity: today > '2026-12-31' ? 'expired' : group.validity }))
    },
  } as unknown as ReadStore
  return { state, store }
}

const group = (type: string, issuer: string, year: string, n: number, field: string | null = null): RegisterGroup => ({ type, issuer, field, year, validity: 'inForce', n })
const entries = (counts: Map<string, number>) => Object.fromEntries([...counts].sort())

describe('the register’s counts', () => {
  const groups = [group('qd', 'ubnd', '2024', 5, 'dat-dai'), group('qd', 'ubnd', '2025', 2), group('qd', 'hdnd', '2024', 1), group('kh', 'ubnd', '2024', 4)]

  it('counts each option under the other filters, and the total under all of them', async () => {
    const counts = createRegisterCounts(fakeStore(groups).store)
    const { total, counts: byFacet } = await counts({ site: '1', today: '2026-12-04', filter: { type: 'qd', year: '2024' } })
    expect(total).toBe(6)
    // Types under 2024; years under "qd"; issuers and fields under both.
    expect(entries(byFacet.type)).toEqual({ kh: 4, qd: 6 })
    expect(entries(byFacet.year)).toEqual({ 2024: 6, 2025: 2 })
    expect(entries(byFacet.issuer)).toEqual({ hdnd: 1, ubnd: 5 })
    expect(entries(byFacet.field)).toEqual({ 'dat-dai': 5 })
    expect(entries(byFacet.validity)).toEqual({ inForce: 6 })
  })

  it('counts everything without a filter', async () => {
    const { total, counts } = await createRegisterCounts(fakeStore(groups).store)({ site: '1', today: '2026-12-04', filter: {} })
    expect(total).toBe(12)
    expect(entries(counts.issuer)).toEqual({ hdnd: 1, ubnd: 11 })
  })

  it('sums each filter combination once per version, and keeps a bounded number of them', async () => {
    const { state, store } = fakeStore(groups)
    const counts = createRegisterCounts(store)
    const query = { site: '1', today: '2026-12-04', filter: { type: 'qd' } }
    const first = await counts(query)
    expect(await counts({ ...query, filter: { type: 'qd' } })).toBe(first)
    expect((await counts({ ...query, filter: { type: 'kh' } })).total).toBe(4)
    state.version = '2'
    expect(await counts(query)).not.toBe(first)
    // A crawler's walk over years that do not exist pushes the oldest sums out, not the memory up.
    const kept = await counts(query)
    for (let year = 0; year < 500; year++) expect((await counts({ ...query, filter: { year: String(year) } })).total).toBe(0)
    expect(await counts(query)).not.toBe(kept)
    expect((await counts(query)).total).toBe(8)
  })

  it('reads the groups again only when the register’s version or the day changes', async () => {
    const { state, store } = fakeStore(groups)
    const counts = createRegisterCounts(store)
    const query = { site: '1', today: '2026-12-04', filter: {} }
    await Promise.all([counts(query), counts(query), counts(query)])
    expect(state.reads).toBe(1)
    state.groups = [...groups, group('kh', 'hdnd', '2026', 3)]
    expect((await counts(query)).total).toBe(12)
    state.version = '2'
    expect((await counts(query)).total).toBe(15)
    expect(state.reads).toBe(2)
    expect(entries((await counts({ ...query, today: '2027-01-01' })).counts.validity)).toEqual({ expired: 15 })
    expect(state.reads).toBe(3)
    // Each site has its own groups.
    await counts({ ...query, site: '2', today: '2027-01-01' })
    expect(state.reads).toBe(4)
  })
})
