import type { Payload, PayloadRequest } from 'payload'

export { isWholeWord } from '../../search/query.ts'

import { mongoReadStore } from './mongoStore.ts'
import { sqlReadStore } from './sqlStore.ts'

/**
 * The read model's storage: one table of public records and one of listing entries, with an
 * implementation per adapter (src/site/readModel/sqlStore.ts for SQLite and PostgreSQL,
 * mongoStore.ts for MongoDB). Records are opaque JSON to the store; it only knows the keys the
 * pages look up, sort, filter and search on.
 */

/** Raise this when the shape of a record changes: a start on an older read model rebuilds it. */
export const READ_MODEL_VERSION = '10'

export type RecordKind = 'article' | 'author' | 'caption' | 'consultation' | 'consultationComment' | 'document' | 'documentTerm' | 'question' | 'tag' | 'unit' | 'person' | 'scheduleEntry'

export type StoredRecord = {
  kind: RecordKind
  id: string
  site: string
  slug: string | null
  /** Listing order, newest first (an ISO date). */
  sortAt: string
  updatedAt: string
  /** Hash of everything below: an unchanged record is not rewritten and purges nothing. */
  digest: string
  /** The part lists show (JSON). */
  summary: string
  /** The rest of what the record's own page shows (JSON). */
  data: string
  /** Folded text (src/lib/vietnamese.ts toSearchText) that search matches words in. */
  searchTitle: string
  searchText: string
  /** Listings the record appears in besides the newest of its kind: 'featured', 'category:7'… */
  lists: string[]
  /** A legal document's keys in the register's table (filters, counts, number search). */
  register?: RegisterRow
}

/** One legal document as the register filters it. Days are yyyy-mm-dd on the Vietnamese calendar. */
export type RegisterRow = {
  type: string
  issuer: string
  field: string | null
  year: string
  issuedAt: string
  effectiveDay: string
  expiresDay: string | null
  validityOverride: string | null
  numberKey: string
}

/** The register's filters: each one given narrows the list (they combine with AND). */
export type RegisterFilter = Partial<Record<RegisterFacet, string>>
export type RegisterFacet = 'field' | 'issuer' | 'type' | 'validity' | 'year'
export type RegisterQuery = { site: string; filter: RegisterFilter; today: string }
/** How many documents share these options. */
export type RegisterGroup = Record<RegisterFacet, string | null> & { n: number }

export type StoredHead = Pick<StoredRecord, 'digest' | 'lists' | 'site'>
export type SearchHit = { id: string; searchTitle: string }
export type ListQuery = { kind: RecordKind; site: string; list?: string; offset: number; limit: number }

/** The versions the store keeps in its meta table, each moved by the changes it names. */
export type VersionKey = 'articles' | 'register'

/** Where writes go: the Payload transaction of the change that caused them, when there is one. */
export type WriteScope = { transactionID?: number | string }

export type ReadStore = {
  /** Creates what is missing; answers whether the stored records are of this version. */
  prepare: () => Promise<{ current: boolean }>
  bySlug: (kind: RecordKind, site: string, slug: string) => Promise<{ summary: string; data: string } | undefined>
  summaries: (kind: RecordKind, site: string, ids: string[]) => Promise<string[]>
  list: (query: ListQuery) => Promise<string[]>
  count: (kind: RecordKind, site: string, list?: string) => Promise<number>
  /**
   * Records whose text has words starting with every word (a word of one letter or digit, such as
   * "6 tháng" or "quý I", must be a whole word: as a prefix it would match almost every record),
   * newest first.
   */
  search: (kind: RecordKind, site: string, words: string[], limit: number) => Promise<SearchHit[]>
  /** Slugs and change times for the sitemap, newest first. */
  slugs: (kind: RecordKind, site: string, offset: number, limit: number) => Promise<{ slug: string; updatedAt: string }[]>
  /** Records that list `list` (a listing, or a photo they show: 'media:12'). */
  members: (scope: WriteScope, site: string, list: string) => Promise<{ kind: RecordKind; id: string }[]>
  head: (scope: WriteScope, kind: RecordKind, id: string) => Promise<StoredHead | undefined>
  /** Writes a record over what is stored now (`stored`: its head(), undefined for a new record), keeping the listings' counts. */
  put: (scope: WriteScope, record: StoredRecord, stored: StoredHead | undefined) => Promise<void>
  remove: (scope: WriteScope, kind: RecordKind, id: string, stored: StoredHead) => Promise<void>
  /** Summaries of the register's documents matching the filter, newest issue date first. */
  registerPage: (query: RegisterQuery, offset: number, limit: number) => Promise<string[]>
  /** The site's register counted by every combination of options that has documents (validity on `today`). */
  registerGroups: (site: string, today: string) => Promise<RegisterGroup[]>
  /** Changes with every change of the register (any site, any instance), in the same transaction. */
  registerVersion: () => Promise<string>
  /** Changes with every change of an article record (any site, any instance), in the same transaction. */
  articleVersion: () => Promise<string>
  /** Documents whose folded number starts with `prefix` (at most `limit`), with their number keys. */
  registerNumbers: (site: string, prefix: string, limit: number) => Promise<{ id: string; numberKey: string }[]>
  /** Empties the read model (a rebuild starts here); it is not current until markCurrent(). */
  reset: () => Promise<void>
  markCurrent: () => Promise<void>
}

const stores = new WeakMap<Payload, ReadStore>()

/** The store of this Payload's database adapter (one per process). */
export function readStoreOf(payload: Payload): ReadStore {
  let store = stores.get(payload)
  if (!store) {
    store = payload.db.name === 'mongoose' ? mongoReadStore(payload) : sqlReadStore(payload)
    stores.set(payload, store)
  }
  return store
}

/** The write scope of a Payload request (its transaction, once started). */
export async function scopeOf(req: Pick<PayloadRequest, 'transactionID'>): Promise<WriteScope> {
  const transactionID = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  return transactionID ? { transactionID } : {}
}
