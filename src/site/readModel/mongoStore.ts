import type { Payload } from 'payload'

import type { ReadStore, RecordKind, RegisterFacet, RegisterQuery, StoredHead, VersionKey } from './store.ts'

import { isWholeWord, READ_MODEL_VERSION } from './store.ts'

/* The parts of Payload's MongoDB adapter used here: the driver's database and the transaction sessions. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type MongoAdapter = { connection: { db: any }; sessions: Record<string, any> }
/* eslint-enable @typescript-eslint/no-explicit-any */

const escapeRegex = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A document's validity on `today` (src/documents/validity.ts) as an aggregation expression. */
const validityExpression = (today: string) => ({
  $ifNull: [
    '$validityOverride',
    {
      $switch: {
        branches: [
          { case: { $gt: ['$effectiveDay', today] }, then: 'notYetInForce' },
          { case: { $and: [{ $ne: ['$expiresDay', null] }, { $lte: ['$expiresDay', today] }] }, then: 'expired' },
        ],
        default: 'inForce',
      },
    },
  ],
})

/** The register's match stage for a filter. */
function registerMatch({ site, filter, today }: RegisterQuery) {
  const match: Record<string, unknown> = { site }
  for (const facet of ['type', 'issuer', 'field', 'year'] as const) if (filter[facet] !== undefined) match[facet] = filter[facet]
  if (filter.validity !== undefined) match.$expr = { $eq: [validityExpression(today), filter.validity] }
  return match
}

/**
 * The read store on MongoDB: native collections beside Payload's, written in the session of the
 * Payload transaction that changed the source (when the server runs as a replica set). Search is a
 * regular-expression match on the folded text (a scan; no server here to measure it on).
 */
export function mongoReadStore(payload: Payload): ReadStore {
  const adapter = payload.db as unknown as MongoAdapter
  const documents = () => adapter.connection.db.collection('read_documents')
  const meta = () => adapter.connection.db.collection('read_model_meta')
  const register = () => adapter.connection.db.collection('read_register')
  const options = (scope: { transactionID?: number | string }) => (scope.transactionID ? { session: adapter.sessions[String(scope.transactionID)] } : {})
  const listMatch = (kind: string, site: string, list?: string) => ({ kind, site, ...(list ? { lists: list } : {}) })
  const newestFirst = { sortAt: -1, id: -1 }
  /**
   * Moves a version in the change's session: 'register' with every change of the register or its
   * lists (see registerCounts.ts), 'articles' with every change of an article (keptLists.ts).
   */
  const bumpVersion = (scope: { transactionID?: number | string }, key: VersionKey) => meta().updateOne({ key }, { $inc: { value: 1 } }, { ...options(scope), upsert: true })
  const bumpRegisterVersion = (scope: { transactionID?: number | string }) => bumpVersion(scope, 'register')
  const versionOf = async (key: VersionKey) => String((await meta().findOne({ key }))?.value ?? 0)

  return {
    async prepare() {
      await documents().createIndex({ kind: 1, id: 1 }, { unique: true })
      await documents().createIndex({ kind: 1, site: 1, slug: 1 })
      await documents().createIndex({ kind: 1, site: 1, sortAt: -1, id: -1 })
      await documents().createIndex({ kind: 1, site: 1, lists: 1, sortAt: -1 })
      await register().createIndex({ id: 1 }, { unique: true })
      await register().createIndex({ site: 1, issuedAt: -1 })
      for (const facet of ['type', 'issuer', 'field', 'year']) await register().createIndex({ site: 1, [facet]: 1, issuedAt: -1 })
      await register().createIndex({ site: 1, numberKey: 1 })
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
      const filter = { kind, site, searchText: { $all: words.map((word) => new RegExp(` ${escapeRegex(word)}${isWholeWord(word) ? ' ' : ''}`)) } }
      const found = await documents().find(filter, { projection: { id: 1, searchTitle: 1 } }).sort(newestFirst).limit(limit).toArray()
      return found.map((row: { id: string; searchTitle: string }) => ({ id: row.id, searchTitle: row.searchTitle }))
    },
    async slugs(kind, site, offset, limit) {
      const found = await documents().find({ kind, site }, { projection: { slug: 1, updatedAt: 1 } }).sort(newestFirst).skip(offset).limit(limit).toArray()
      return found.map((row: { slug: string; updatedAt: string }) => ({ slug: row.slug, updatedAt: row.updatedAt }))
    },
    async registerPage(query, offset, limit) {
      const found = await register().find(registerMatch(query), { projection: { id: 1 } }).sort({ issuedAt: -1, id: -1 }).skip(offset).limit(limit).toArray()
      const ids = found.map((row: { id: string }) => row.id)
      const summaries: { id: string; summary: string }[] = await documents().find({ kind: 'document', site: query.site, id: { $in: ids } }, { projection: { id: 1, summary: 1 } }).toArray()
      const byId = new Map(summaries.map((row) => [row.id, row.summary]))
      return ids.map((id: string) => byId.get(id)).filter((summary: string | undefined): summary is string => summary !== undefined)
    },
    async registerGroups(site, today) {
      const key = { type: '$type', issuer: '$issuer', field: '$field', year: '$year', validity: validityExpression(today) }
      const found = await register().aggregate([{ $match: { site } }, { $group: { _id: key, n: { $sum: 1 } } }]).toArray()
      return found.map((row: { _id: Record<RegisterFacet, string | null>; n: number }) => ({ ...row._id, field: row._id.field ?? null, n: row.n }))
    },
    registerVersion: () => versionOf('register'),
    articleVersion: () => versionOf('articles'),
    async registerNumbers(site, prefix, limit) {
      const filter = { site, numberKey: { $regex: `^${escapeRegex(prefix)}` } }
      const found = await register().find(filter, { projection: { id: 1, numberKey: 1 } }).sort({ numberKey: 1, id: 1 }).limit(limit).toArray()
      return found.map((row: { id: string; numberKey: string }) => ({ id: row.id, numberKey: row.numberKey }))
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
      const { register: row, ...stored } = record
      await documents().replaceOne({ kind: record.kind, id: record.id }, stored, { ...options(scope), upsert: true })
      if (record.kind === 'article') await bumpVersion(scope, 'articles')
      if (record.kind === 'documentTerm') await bumpRegisterVersion(scope)
      if (record.kind !== 'document') return
      await bumpRegisterVersion(scope)
      if (row) await register().replaceOne({ id: record.id }, { id: record.id, site: record.site, ...row }, { ...options(scope), upsert: true })
      else await register().deleteOne({ id: record.id }, options(scope))
    },
    async remove(scope, kind, id) {
      await documents().deleteOne({ kind, id }, options(scope))
      if (kind === 'article') await bumpVersion(scope, 'articles')
      if (kind === 'documentTerm') await bumpRegisterVersion(scope)
      if (kind !== 'document') return
      await bumpRegisterVersion(scope)
      await register().deleteOne({ id }, options(scope))
    },
    async reset() {
      await documents().deleteMany({})
      await register().deleteMany({})
      await bumpRegisterVersion({})
      await bumpVersion({}, 'articles')
      await meta().deleteOne({ key: 'version' })
    },
    async markCurrent() {
      await meta().updateOne({ key: 'version' }, { $set: { value: READ_MODEL_VERSION } }, { upsert: true })
    },
  }
}
