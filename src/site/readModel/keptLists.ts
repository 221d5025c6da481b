import type { ArticleSummary } from './records.ts'
import type { ListQuery, ReadStore } from './store.ts'

/** Listing pages kept at once; a page costs ≈ 20 parsed summaries. Least recently read go first. */
const KEPT_PAGES = 200

type Kept<T> = { version: string; value: Promise<T> }

/**
 * Pages of the article listings (the newest, a category's, a tag's, 'featured') and their counts,
 * parsed once and kept while the store's article version stays the same. That version moves in the
 * transaction of every change of an article record, on every instance (sqlStore.ts, mongoStore.ts),
 * so a kept page is exactly what the store would answer. The home page reads six listings and a
 * category page one and its count: without this they were a fifth of the page's time (the
 * statements and parsing ≈ 50 summaries of ≈ 1 KB of JSON). Answers are shared between pages:
 * read them, never change them.
 */
export function createKeptLists(store: Pick<ReadStore, 'list' | 'count'>, articleVersion: () => Promise<string>, maxPages = KEPT_PAGES) {
  const pages = new Map<string, Kept<ArticleSummary[]>>()
  const counts = new Map<string, Kept<number>>()

  async function kept<T>(entries: Map<string, Kept<T>>, key: string, read: () => Promise<T>): Promise<T> {
    // The version is read first: an answer read after it is at least that new.
    const version = await articleVersion()
    const held = entries.get(key)
    if (held?.version === version) {
      // Most recently read last, so the map's first entry is the one to drop.
      entries.delete(key)
      entries.set(key, held)
      return held.value
    }
    const entry = { version, value: read() }
    entries.delete(key)
    if (entries.size >= maxPages) entries.delete(entries.keys().next().value!)
    entries.set(key, entry)
    // A failed read is not kept: the next page asks again.
    entry.value.catch(() => entries.get(key) === entry && entries.delete(key))
    return entry.value
  }

  return {
    articles(query: Omit<ListQuery, 'kind'>): Promise<readonly ArticleSummary[]> {
      const key = `${query.site}\u0000${query.list ?? ''}\u0000${query.offset}\u0000${query.limit}`
      return kept(pages, key, async () => (await store.list({ ...query, kind: 'article' })).map((row) => JSON.parse(row) as ArticleSummary))
    },
    count(site: string, list: string | undefined): Promise<number> {
      return kept(counts, `${site}\u0000${list ?? ''}`, () => store.count('article', site, list))
    },
  }
}
