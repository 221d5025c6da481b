import type { Payload } from 'payload'

/**
 * Day buckets of visits behind one small interface, whatever the database: increments are atomic
 * in the database (`count = count + n` on SQL, `$inc` on MongoDB), never read-modify-write, so
 * several app instances can add to the same rows. Site rows have no article.
 */
export type Id = number | string

export type CounterIncrement = { site: Id; article?: Id | null; day: string; count: number }
export type DayRange = { from?: string; to?: string }

export type CounterStore = {
  increment: (rows: CounterIncrement[]) => Promise<void>
  /** Site visits between two day keys (inclusive); the whole history without a range. */
  siteVisits: (site: Id, range?: DayRange) => Promise<number>
  /** Views of one article over its whole history. */
  articleViews: (article: Id) => Promise<number>
  siteDaily: (site: Id, range: Required<DayRange>) => Promise<{ day: string; count: number }[]>
  topArticles: (site: Id, range: Required<DayRange>, limit: number) => Promise<{ article: Id; count: number }[]>
}

export const COUNTERS_SLUG = 'visit-counters'

export function counterKey({ site, article, day }: Omit<CounterIncrement, 'count'>): string {
  return `${site}:${article ?? '-'}:${day}`
}

/** The store of the adapter Payload runs on. */
export async function createCounterStore(payload: Payload): Promise<CounterStore> {
  if (payload.db.name === 'mongoose') return (await import('./mongoCounterStore.ts')).mongoCounterStore(payload)
  return (await import('./sqlCounterStore.ts')).sqlCounterStore(payload)
}
