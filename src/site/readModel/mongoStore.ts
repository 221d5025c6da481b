import type { Payload } from 'payload'

import type { ReadStore, RecordKind, StoredHead } from './store.ts'

import { READ_MODEL_VERSION } from './store.ts'

/* The parts of Payload's MongoDB adapter used here: the driver's database and the transaction sessions. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type MongoAdapter = { connection: { db: any }; sessions: Record<string, any> }
/* eslint-enable @typescript-eslint/no-explicit-any */

const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The read store on MongoDB: native collections beside Payload's, written in the session of the
 * Payload transaction that changed the source (when the server runs as a replica set). Search is a
 * regular-expression match on the folded text (a scan; no server here to measure it on).
 */
export function mongoReadStore(payload: Payload): ReadStore {
  const adapter = payload.db as unknown as MongoAdapter
  const documents = () => adapter.connection.db.collection('read_documents')
  const meta = () => adapter.connection.db.collection('read_model_meta')
  const options = (scope: { transactionID?: number | string }) => (scope.transactionID ? { session: adapter.sessions[String(scope.transactionID)] } : {})
  const listMatch = (kind: string, site: string, list?: string) => ({ kind, site, ...(list ? { lists: list } : {}) })
  const newestFirst = { sortAt: -1, id: -1 }

  return {
    async prepare() {
      await documents().createIndex({ kind: 1, id: 1 }, { unique: true })
      await documents().createIndex({ kind: 1, site: 1, slug: 1 })
      await documents().createIndex({ kind: 1, site: 1, sortAt: -1, id: -1 })
      await documents().createIndex({ kind: 1, site: 1, lists: 1, sortAt: -1 })
      const version = await meta().findOne({ key: 'version' })
      return { current: version?.value === READ_MODEL_VERSION }
    },
    async bySlug(kind, site, slug) {
      const found = await documents().find({ kind, site, slug }).sort({ sortAt: -1 }).limit(1).next()
      return found ? { summary: found.summary, data: found.data } : undefined
    },
    async summaries(kind, site, ids) {
      const found: { id: string; summary: string }[] = await documents().find({ kind, site, id: { $in: ids } }, { projection: { id: 1, summary: 1 } }).toArray()
      const byId = new Map(found.map((row) => [row.id, row.summary]))
      return ids.map((id) => byId.get(id)).filter((summary): summary is string => summary !== undefined)
    },
    async list({ kind, site, list, offset, limit }) {
      const found = await documents().find(listMatch(kind, site, list), { projection: { summary: 1 } }).sort(newestFirst).skip(offset).limit(limit).toArray()
      return found.map((row: { summary: string }) => row.summary)
    },
    count: (kind, site, list) => documents().countDocuments(listMatch(kind, site, list)),
    async search(kind, site, words, limit) {
      if (words.length === 0) return []
      const filter = { kind, site, searchText: { $all: words.map((word) => new RegExp(` ${escapeRegex(word)}`)) } }
      const found = await documents().find(filter, { projection: { id: 1, searchTitle: 1 } }).sort(newestFirst).limit(limit).toArray()
      return found.map((row: { id: string; searchTitle: string }) => ({ id: row.id, searchTitle: row.searchTitle }))
    },
    async slugs(kind, site, offset, limit) {
      const found = await documents().find({ kind, site }, { projection: { slug: 1, updatedAt: 1 } }).sort(newestFirst).skip(offset).limit(limit).toArray()
      return found.map((row: { slug: string; updatedAt: string }) => ({ slug: row.slug, updatedAt: row.updatedAt }))
    },
    async members(scope, site, list) {
      const found = await documents().find({ site, lists: list }, { ...options(scope), projection: { kind: 1, id: 1 } }).toArray()
      return found.map((row: { kind: RecordKind; id: string }) => ({ kind: row.kind, id: row.id }))
    },
    async head(scope, kind, id): Promise<StoredHead | undefined> {
      const found = await documents().findOne({ kind, id }, { ...options(scope), projection: { site: 1, digest: 1, lists: 1 } })
      return found ? { site: found.site, digest: found.digest, lists: found.lists ?? [] } : undefined
    },
    async put(scope, record) {
      await documents().replaceOne({ kind: record.kind, id: record.id }, record, { ...options(scope), upsert: true })
    },
    async remove(scope, kind, id) {
      await documents().deleteOne({ kind, id }, options(scope))
    },
    async reset() {
      await documents().deleteMany({})
      await meta().deleteOne({ key: 'version' })
    },
    async markCurrent() {
      await meta().updateOne({ key: 'version' }, { $set: { value: READ_MODEL_VERSION } }, { upsert: true })
    },
  }
}
