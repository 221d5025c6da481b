import { describe, expect, it } from 'vitest'

import type { ListQuery } from '../src/site/readModel/store.ts'

import { createKeptLists } from '../src/site/readModel/keptLists.ts'

/** A store whose listings are numbered by its version, and which counts what it is asked. */
function fakeStore() {
  const state = { version: '1', lists: 0, counts: 0, fail: false }
  const store = {
    list: async (query: ListQuery) => {
      state.lists++
      if (state.fail) throw new Error('database is locked')
      return [JSON.stringify({ id: `${query.list ?? 'all'}-${query.offset}-v${state.version}` })]
    },
    count: async (_kind: string, _site: string, list?: string) => {
      state.counts++
      return Number(state.version) * 10 + (list ? 1 : 0)
    },
  }
  return { state, store, version: async () => state.version }
}

describe('kept article listings', () => {
  it('reads a listing page and a count once per article version', async () => {
    const { state, store, version } = fakeStore()
    const lists = createKeptLists(store, version)
    const query = { site: '1', list: 'category:7', offset: 0, limit: 4 }
    const first = await lists.articles(query)
    expect(first).toEqual([{ id: 'category:7-0-v1' }])
    expect(await lists.articles({ ...query })).toBe(first)
    expect(await lists.count('1', 'category:7')).toBe(11)
    expect(await lists.count('1', 'category:7')).toBe(11)
    expect(state).toMatchObject({ lists: 1, counts: 1 })

    // Another page, listing or site is its own entry.
    await lists.articles({ ...query, offset: 4 })
    await lists.articles({ ...query, list: undefined })
    await lists.articles({ ...query, site: '2' })
    expect(state.lists).toBe(4)

    // A change of any article moves the version: everything is read again.
    state.version = '2'
    expect(await lists.articles(query)).toEqual([{ id: 'category:7-0-v2' }])
    expect(await lists.count('1', 'category:7')).toBe(21)
    expect(state).toMatchObject({ lists: 5, counts: 2 })
  })

  it('keeps a bounded number of pages, dropping the least recently read', async () => {
    const { state, store, version } = fakeStore()
    const lists = createKeptLists(store, version, 3)
    const page = (offset: number) => lists.articles({ site: '1', offset, limit: 20 })
    await page(0)
    await page(20)
    await page(40)
    await page(0) // read again: now the most recent
    await page(60) // drops page 20
    expect(state.lists).toBe(4)
    await page(0)
    await page(40)
    expect(state.lists).toBe(4)
    await page(20)
    expect(state.lists).toBe(5)
  })

  it('does not keep a failed read', async () => {
    const { state, store, version } = fakeStore()
    const lists = createKeptLists(store, version)
    state.fail = true
    await expect(lists.articles({ site: '1', offset: 0, limit: 5 })).rejects.toThrow('locked')
    state.fail = false
    expect(await lists.articles({ site: '1', offset: 0, limit: 5 })).toEqual([{ id: 'all-0-v1' }])
    expect(state.lists).toBe(2)
  })
})
