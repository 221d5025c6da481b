import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { createHash } from 'node:crypto'

import { sql, type SQL } from '@payloadcms/db-sqlite/drizzle'

import type { SqliteValue } from '../../db/sqliteConnection.ts'
import type { SqliteReads } from '../../db/sqliteWrites.ts'
import type { ReadStore, RecordKind, RegisterFacet, RegisterQuery, StoredHead, StoredRecord, VersionKey, WriteScope } from './store.ts'

import { isWholeWord, READ_MODEL_VERSION } from './store.ts'

/* The parts of Payload's SQL adapters used here; their drizzle query builders are the same for both dialects. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type SqlAdapter = { name: string; drizzle: any; sessions: Record<string, { db: any }>; client?: Client; pool?: Pool }
/* eslint-enable @typescript-eslint/no-explicit-any */

const DOCUMENT_COLUMNS = 'kind, id, site, slug, sort_at, updated_at, digest, summary, data, search_title, search_text, search_rowid'

function schema(sqlite: boolean): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS read_documents (
      kind text NOT NULL, id text NOT NULL, site text NOT NULL, slug text, sort_at text NOT NULL, updated_at text NOT NULL,
      digest text NOT NULL, summary text NOT NULL, data text NOT NULL, search_title text NOT NULL, search_text text NOT NULL,
      search_rowid ${sqlite ? 'integer' : 'bigint'}, PRIMARY KEY (kind, id))`,
    'CREATE INDEX IF NOT EXISTS read_documents_slug ON read_documents (kind, site, slug)',
    'CREATE INDEX IF NOT EXISTS read_documents_sorted ON read_documents (kind, site, sort_at, id)',
    `CREATE TABLE IF NOT EXISTS read_listings (
      site text NOT NULL, list text NOT NULL, kind text NOT NULL, id text NOT NULL, sort_at text NOT NULL,
      PRIMARY KEY (kind, id, list))`,
    // A listing's page and its count are ranges of this index alone (kind included: a count of a
    // large category walked the table to check it, 100,000 articles: ≈ 20 ms a page).
    'DROP INDEX IF EXISTS read_listings_sorted',
    'CREATE INDEX IF NOT EXISTS read_listings_by_list ON read_listings (site, list, kind, sort_at, id)',
    // How many entries each listing has, and (list '') how many records of a kind each site has:
    // kept as entries come and go, because counting a listing of half of 100,000 articles read
    // 50,000 index entries for each page of it (6 ms).
    'CREATE TABLE IF NOT EXISTS read_list_counts (site text NOT NULL, list text NOT NULL, kind text NOT NULL, n integer NOT NULL, PRIMARY KEY (site, list, kind))',
    'CREATE TABLE IF NOT EXISTS read_model_meta (key text PRIMARY KEY, value text NOT NULL)',
    // The documents register: one row per published legal document, what its filters, counts and
    // number search look at. Each filter has an index beginning with the site, ending with the date.
    `CREATE TABLE IF NOT EXISTS read_register (
      id text PRIMARY KEY, site text NOT NULL, type text NOT NULL, issuer text NOT NULL, field text, year text NOT NULL,
      issued_at text NOT NULL, effective_day text NOT NULL, expires_day text, validity_override text, number_key text NOT NULL)`,
    'CREATE INDEX IF NOT EXISTS read_register_newest ON read_register (site, issued_at, id)',
    // Each filter's index also carries the other filters' columns, so a page with two filters is
    // read from one index alone: looking up each row of a year for its type was half of that query.
    ...['type', 'issuer', 'field', 'year'].flatMap((facet) => {
      const others = ['type', 'issuer', 'field', 'year'].filter((other) => other !== facet).join(', ')
      return [
        `DROP INDEX IF EXISTS read_register_${facet}`,
        `CREATE INDEX IF NOT EXISTS read_register_by_${facet} ON read_register (site, ${facet}, issued_at, id${sqlite ? `, ${others})` : `) INCLUDE (${others})`}`,
      ]
    }),
    `CREATE INDEX IF NOT EXISTS read_register_number ON read_register (site, number_key${sqlite ? '' : ' text_pattern_ops'})`,
    ...(sqlite
      ? [
          // Search is an FTS5 index whose rowid orders records by date (see searchRowid), so the
          // newest matches come first without sorting them all; the site and kind are words of
          // the `scope` column, so a site's matches are found inside the full-text query. Prefix
          // indexes up to six letters (most Vietnamese syllables): "phat dong phong trao" on
          // 100,000 articles took 28 ms without them, 3 ms with.
          // It keeps no copy of the text (contentless): FTS5 reads a stored row whole, so fetching
          // a match's id next to its long text cost 11 ms per search of 1,000 matches; the ids and
          // titles ranking needs sit in read_search_keys under the same rowid (4 ms).
          `CREATE VIRTUAL TABLE IF NOT EXISTS read_search USING fts5(scope, search_text, content='', contentless_delete=1, prefix='2 3 4 5 6')`,
          'CREATE TABLE IF NOT EXISTS read_search_keys (rowid integer PRIMARY KEY, doc_id text NOT NULL, search_title text NOT NULL)',
        ]
      : [
          // The folded words as a text-search vector ('simple': no stemming, no stop words), so that
          // `hoi:* & nghi:*` finds words starting with each query word through a GIN index. A
          // trigram index cannot serve two-letter words ("va", "ve"): those scanned every row.
          `ALTER TABLE read_documents ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`,
          'CREATE INDEX IF NOT EXISTS read_documents_search ON read_documents USING gin (search_vector)',
        ]),
  ]
}

/** The FTS scope words of a record: `s<site> k<kind>` (letters and digits only, one token each). */
const scopeWords = (kind: RecordKind, site: string) => `s${site.replace(/[^a-z0-9]/gi, '')} k${kind}`

/**
 * A date-ordered, unique FTS rowid: milliseconds × 1024 plus 10 bits of the record's id (probing
 * upwards on a clash). Stays below 2^53 until the year 2250.
 */
function searchRowid(sortAt: string, id: string): number {
  let hash = 0
  for (let index = 0; index < id.length; index++) hash = (hash * 31 + id.charCodeAt(index)) & 1023
  return Math.max(0, Date.parse(sortAt) || 0) * 1024 + hash
}

/** The count of every record of a kind on a site, beside the counts of its listings. */
const ALL_OF_KIND = ''

/** Counts the kept counts from the entries themselves (a read model made before they were kept). */
const COUNT_FROM_ENTRIES = [
  'DELETE FROM read_list_counts',
  'INSERT INTO read_list_counts (site, list, kind, n) SELECT site, list, kind, count(*) FROM read_listings GROUP BY site, list, kind',
  `INSERT INTO read_list_counts (site, list, kind, n) SELECT site, '${ALL_OF_KIND}', kind, count(*) FROM read_documents GROUP BY site, kind`,
  `INSERT INTO read_model_meta (key, value) VALUES ('list_counts', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
]

type Membership = { site: string; lists: string[] }

/** What a change does to the kept counts: +1 or −1 per (site, list), only where membership changed, in key order. */
function countChanges(before: Membership | undefined, after: Membership | undefined): { site: string; list: string; n: number }[] {
  const changes = new Map<string, { site: string; list: string; n: number }>()
  const add = (membership: Membership | undefined, n: number) => {
    if (!membership) return
    for (const list of [ALL_OF_KIND, ...new Set(membership.lists)]) {
      const key = `${membership.site}\u0000${list}`
      const change = changes.get(key) ?? { site: membership.site, list, n: 0 }
      change.n += n
      changes.set(key, change)
    }
  }
  add(before, -1)
  add(after, 1)
  // One order for every transaction, so that two writers on PostgreSQL never wait for each other in a circle.
  return [...changes.entries()]
    .filter(([, change]) => change.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, change]) => change)
}

/** A document's validity on the day given twice as parameters (src/documents/validity.ts in SQL). */
const VALIDITY_SQL = `COALESCE(validity_override, CASE WHEN effective_day > ? THEN 'notYetInForce' WHEN expires_day IS NOT NULL AND expires_day <= ? THEN 'expired' ELSE 'inForce' END)`

const FACET_COLUMNS: Record<Exclude<RegisterFacet, 'validity'>, string> = { type: 'type', issuer: 'issuer', field: 'field', year: 'year' }

/** The WHERE clause of a register query. */
function registerWhere({ site, filter, today }: RegisterQuery): { clause: string; args: SqliteValue[] } {
  const parts = ['site = ?']
  const args: SqliteValue[] = [site]
  for (const facet of Object.keys(FACET_COLUMNS) as (keyof typeof FACET_COLUMNS)[]) {
    const value = filter[facet]
    if (value === undefined) continue
    parts.push(`${FACET_COLUMNS[facet]} = ?`)
    args.push(value)
  }
  if (filter.validity !== undefined) {
    parts.push(`${VALIDITY_SQL} = ?`)
    args.push(today, today, filter.validity)
  }
  return { clause: parts.join(' AND '), args }
}

/** A PostgreSQL statement name for a query text that varies with the filters given. */
const statementName = (prefix: string, text: string) => `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`

/** `?` placeholders become `$1…` for PostgreSQL. */
const numbered = (text: string) => {
  let index = 0
  return text.replace(/\?/g, () => `$${++index}`)
}

/**
 * The read store on SQLite and PostgreSQL. Reads are single prepared statements on the adapter's
 * own connections (SQLite: the reader connection of src/db/sqliteWrites.ts; PostgreSQL: named
 * statements on the pool); writes run through the drizzle session of the Payload transaction that
 * changed the source document, so a record commits or rolls back with its source.
 */
export function sqlReadStore(payload: Payload): ReadStore {
  const adapter = payload.db as unknown as SqlAdapter
  const sqlite = adapter.name === 'sqlite'

  async function read(name: string, text: string, args: SqliteValue[]): Promise<Record<string, unknown>[]> {
    if (sqlite) {
      // Rows straight from the reader connection's kept statement where the client offers it (src/db/sqliteWrites.ts).
      const client = adapter.client as Client & Partial<SqliteReads>
      if (client.selectRows) return client.selectRows(text, args)
      return (await client.execute({ sql: text, args })).rows as unknown as Record<string, unknown>[]
    }
    return (await adapter.pool!.query({ name, text: numbered(text), values: args as unknown[] })).rows
  }

  const writer = (scope: WriteScope) => (scope.transactionID ? adapter.sessions[String(scope.transactionID)]!.db : adapter.drizzle)
  async function run(scope: WriteScope, query: SQL): Promise<void> {
    const db = writer(scope)
    await (sqlite ? db.run(query) : db.execute(query))
  }
  async function rows(scope: WriteScope, query: SQL): Promise<Record<string, unknown>[]> {
    const db = writer(scope)
    if (sqlite) return db.all(query)
    return (await db.execute(query)).rows
  }

  const execute = (statement: string) => (sqlite ? adapter.client!.execute(statement) : adapter.pool!.query(statement))

  async function isCurrent(): Promise<boolean> {
    await execute('CREATE TABLE IF NOT EXISTS read_model_meta (key text PRIMARY KEY, value text NOT NULL)')
    const version = await read('read_model_version', `SELECT value FROM read_model_meta WHERE key = 'version'`, [])
    return version[0]?.value === READ_MODEL_VERSION
  }

  /** SQLite: takes a record's words out of the full-text index (by the rowid its record keeps). */
  async function removeFromSearch(scope: WriteScope, kind: RecordKind, id: string): Promise<void> {
    const [row] = await rows(scope, sql`SELECT search_rowid FROM read_documents WHERE kind = ${kind} AND id = ${id}`)
    if (row?.search_rowid === null || row?.search_rowid === undefined) return
    await run(scope, sql`DELETE FROM read_search WHERE rowid = ${row.search_rowid}`)
    await run(scope, sql`DELETE FROM read_search_keys WHERE rowid = ${row.search_rowid}`)
  }

  async function freeSearchRowid(scope: WriteScope, record: StoredRecord): Promise<number> {
    let rowid = searchRowid(record.sortAt, record.id)
    while ((await rows(scope, sql`SELECT rowid FROM read_search_keys WHERE rowid = ${rowid}`)).length > 0) rowid++
    return rowid
  }

  /**
   * Moves a version in the change's transaction: 'register' with every change of the register or
   * its lists (see registerCounts.ts), 'articles' with every change of an article (keptLists.ts).
   */
  async function bumpVersion(scope: WriteScope, key: VersionKey): Promise<void> {
    await run(
      scope,
      sql`INSERT INTO read_model_meta (key, value) VALUES (${key}, '1')
          ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(read_model_meta.value AS integer) + 1 AS text)`,
    )
  }
  const bumpRegisterVersion = (scope: WriteScope) => bumpVersion(scope, 'register')

  async function adjustCounts(scope: WriteScope, kind: RecordKind, before: Membership | undefined, after: Membership | undefined): Promise<void> {
    const changes = countChanges(before, after)
    if (changes.length === 0) return
    const values = changes.map((change) => sql`(${change.site}, ${change.list}, ${kind}, ${change.n})`)
    await run(
      scope,
      sql`INSERT INTO read_list_counts (site, list, kind, n) VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (site, list, kind) DO UPDATE SET n = read_list_counts.n + excluded.n`,
    )
  }

  /** Runs statements in one transaction of their own. */
  async function atomically(statements: string[]): Promise<void> {
    if (sqlite) {
      await adapter.client!.batch(statements, 'write')
      return
    }
    const client = await adapter.pool!.connect()
    try {
      await client.query('BEGIN')
      for (const statement of statements) await client.query(statement)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async function putRegisterRow(scope: WriteScope, record: StoredRecord): Promise<void> {
    await bumpRegisterVersion(scope)
    await run(scope, sql`DELETE FROM read_register WHERE id = ${record.id}`)
    const row = record.register
    if (!row) return
    await run(
      scope,
      sql`INSERT INTO read_register (id, site, type, issuer, field, year, issued_at, effective_day, expires_day, validity_override, number_key)
          VALUES (${record.id}, ${record.site}, ${row.type}, ${row.issuer}, ${row.field}, ${row.year}, ${row.issuedAt}, ${row.effectiveDay},
                  ${row.expiresDay}, ${row.validityOverride}, ${row.numberKey})`,
    )
  }

  return {
    async prepare() {
      // Records of another version are rebuilt anyway: their tables are made anew, so that a
      // changed definition (an index, the FTS options) takes effect.
      if (!(await isCurrent())) for (const table of ['read_search', 'read_search_keys', 'read_listings', 'read_list_counts', 'read_register', 'read_documents']) await execute(`DROP TABLE IF EXISTS ${table}`)
      for (const statement of schema(sqlite)) {
        await execute(statement)
      }
      const [counted] = await read('read_counts_kept', `SELECT value FROM read_model_meta WHERE key = 'list_counts'`, [])
      if (!counted) await atomically(COUNT_FROM_ENTRIES)
      return { current: await isCurrent() }
    },

    async bySlug(kind, site, slug) {
      const [row] = await read(
        'read_by_slug',
        'SELECT summary, data FROM read_documents WHERE kind = ? AND site = ? AND slug = ? ORDER BY sort_at DESC LIMIT 1',
        [kind, site, slug],
      )
      return row ? { summary: String(row.summary), data: String(row.data) } : undefined
    },

    async summaries(kind, site, ids) {
      if (ids.length === 0) return []
      // By primary key only, the site checked here: with `site = ?` in the WHERE, SQLite's planner
      // (misled by sampled statistics) walked the (kind, site, sort_at) index over every record of
      // the kind instead — 0.3 ms became 400–700 ms per page at 100,000 documents.
      const found = await read(
        `read_summaries_by_id_${ids.length}`,
        `SELECT id, site, summary FROM read_documents WHERE kind = ? AND id IN (${ids.map(() => '?').join(', ')})`,
        [kind, ...ids],
      )
      const byId = new Map(found.filter((row) => String(row.site) === site).map((row) => [String(row.id), String(row.summary)]))
      return ids.map((id) => byId.get(id)).filter((summary): summary is string => summary !== undefined)
    },

    async list({ kind, site, list, offset, limit }) {
      // The page's entries are picked from the index alone, then joined: an OFFSET over the join
      // read every skipped record too (page 26 of a large category: 8 ms).
      const found = list
        ? await read(
            'read_list',
            `SELECT d.summary FROM (SELECT kind, id, sort_at FROM read_listings WHERE site = ? AND list = ? AND kind = ?
               ORDER BY sort_at DESC, id DESC LIMIT ? OFFSET ?) AS l
             JOIN read_documents d ON d.kind = l.kind AND d.id = l.id ORDER BY l.sort_at DESC, l.id DESC`,
            [site, list, kind, limit, offset],
          )
        : await read(
            'read_newest',
            'SELECT summary FROM read_documents WHERE kind = ? AND site = ? ORDER BY sort_at DESC, id DESC LIMIT ? OFFSET ?',
            [kind, site, limit, offset],
          )
      return found.map((row) => String(row.summary))
    },

    async count(kind, site, list) {
      const [row] = await read('read_list_count', 'SELECT n FROM read_list_counts WHERE site = ? AND list = ? AND kind = ?', [site, list ?? ALL_OF_KIND, kind])
      return Number(row?.n ?? 0)
    },

    async search(kind, site, words, limit) {
      if (words.length === 0) return []
      if (sqlite) {
        const match = [`scope : "${scopeWords(kind, site).split(' ').join('" AND scope : "')}"`, ...words.map((word) => `search_text : "${word.replace(/"/g, '')}"${isWholeWord(word) ? '' : '*'}`)].join(' AND ')
        const found = await read(
          '',
          `SELECT k.doc_id, k.search_title FROM (SELECT rowid AS found FROM read_search WHERE read_search MATCH ? ORDER BY rowid DESC LIMIT ?) AS m
           JOIN read_search_keys k ON k.rowid = m.found ORDER BY m.found DESC`,
          [match, limit],
        )
        return found.map((row) => ({ id: String(row.doc_id), searchTitle: String(row.search_title) }))
      }
      const query = words.map((word) => `${word.replace(/[^a-z0-9]/g, '')}${isWholeWord(word) ? '' : ':*'}`).join(' & ')
      const found = await read(
        'read_search',
        `SELECT id, search_title FROM read_documents WHERE kind = ? AND site = ? AND search_vector @@ to_tsquery('simple', ?)
         ORDER BY sort_at DESC, id DESC LIMIT ?`,
        [kind, site, query, limit],
      )
      return found.map((row) => ({ id: String(row.id), searchTitle: String(row.search_title) }))
    },

    async slugs(kind, site, offset, limit) {
      const found = await read(
        'read_slugs',
        'SELECT slug, updated_at FROM read_documents WHERE kind = ? AND site = ? ORDER BY sort_at DESC, id DESC LIMIT ? OFFSET ?',
        [kind, site, limit, offset],
      )
      return found.map((row) => ({ slug: String(row.slug), updatedAt: String(row.updated_at) }))
    },

    async registerPage(query, offset, limit) {
      const where = registerWhere(query)
      // The page of the register first, then its summaries, in one statement: a second one for the
      // summaries cost as much again. CROSS JOIN keeps SQLite's planner on this order.
      const text = `SELECT d.summary FROM (SELECT id, issued_at FROM read_register WHERE ${where.clause} ORDER BY issued_at DESC, id DESC LIMIT ? OFFSET ?) AS r
        CROSS JOIN read_documents AS d WHERE d.kind = 'document' AND d.id = r.id ORDER BY r.issued_at DESC, r.id DESC`
      const found = await read(statementName('reg_page', text), text, [...where.args, limit, offset])
      return found.map((row) => String(row.summary))
    },

    async registerGroups(site, today) {
      const text = `SELECT type, issuer, field, year, ${VALIDITY_SQL} AS validity, count(*) AS n FROM read_register WHERE site = ? GROUP BY 1, 2, 3, 4, 5`
      const found = await read('reg_groups', text, [today, today, site])
      const option = (value: unknown) => (value === null || value === undefined ? null : String(value))
      return found.map((row) => ({
        type: option(row.type),
        issuer: option(row.issuer),
        field: option(row.field),
        year: option(row.year),
        validity: option(row.validity),
        n: Number(row.n),
      }))
    },

    async registerVersion() {
      const found = await read('reg_version', `SELECT value FROM read_model_meta WHERE key = 'register'`, [])
      return String(found[0]?.value ?? '0')
    },

    async articleVersion() {
      const found = await read('article_version', `SELECT value FROM read_model_meta WHERE key = 'articles'`, [])
      return String(found[0]?.value ?? '0')
    },

    async registerNumbers(site, prefix, limit) {
      // Keys are lowercase letters, digits and single spaces (src/documents/number.ts): no LIKE wildcards.
      const found = await read(
        'reg_numbers',
        'SELECT id, number_key FROM read_register WHERE site = ? AND number_key LIKE ? ORDER BY number_key, id LIMIT ?',
        [site, `${prefix.replace(/[^a-z0-9 ]/g, '')}%`, limit],
      )
      return found.map((row) => ({ id: String(row.id), numberKey: String(row.number_key) }))
    },

    async members(scope, site, list) {
      const found = await rows(scope, sql`SELECT kind, id FROM read_listings WHERE site = ${site} AND list = ${list}`)
      return found.map((row) => ({ kind: String(row.kind) as RecordKind, id: String(row.id) }))
    },

    async head(scope, kind, id): Promise<StoredHead | undefined> {
      const [row] = await rows(scope, sql`SELECT site, digest FROM read_documents WHERE kind = ${kind} AND id = ${id}`)
      if (!row) return undefined
      const lists = await rows(scope, sql`SELECT list FROM read_listings WHERE kind = ${kind} AND id = ${id}`)
      return { site: String(row.site), digest: String(row.digest), lists: lists.map((entry) => String(entry.list)) }
    },

    async put(scope, record, stored) {
      // First, before any row of the read model: every article write then waits for the others at
      // this one row (PostgreSQL), and a fan-out (a renamed category rewriting its articles) and an
      // edit of one of them cannot each hold a row the other needs next.
      if (record.kind === 'article') await bumpVersion(scope, 'articles')
      let searchRowidValue: number | null = null
      if (sqlite) {
        await removeFromSearch(scope, record.kind, record.id)
        searchRowidValue = await freeSearchRowid(scope, record)
        await run(scope, sql`INSERT INTO read_search (rowid, scope, search_text) VALUES (${searchRowidValue}, ${scopeWords(record.kind, record.site)}, ${record.searchText})`)
        await run(scope, sql`INSERT INTO read_search_keys (rowid, doc_id, search_title) VALUES (${searchRowidValue}, ${record.id}, ${record.searchTitle})`)
      }
      await run(
        scope,
        sql`INSERT INTO read_documents (${sql.raw(DOCUMENT_COLUMNS)})
            VALUES (${record.kind}, ${record.id}, ${record.site}, ${record.slug}, ${record.sortAt}, ${record.updatedAt}, ${record.digest},
                    ${record.summary}, ${record.data}, ${record.searchTitle}, ${record.searchText}, ${searchRowidValue})
            ON CONFLICT (kind, id) DO UPDATE SET site = excluded.site, slug = excluded.slug, sort_at = excluded.sort_at,
              updated_at = excluded.updated_at, digest = excluded.digest, summary = excluded.summary, data = excluded.data,
              search_title = excluded.search_title, search_text = excluded.search_text, search_rowid = excluded.search_rowid`,
      )
      await run(scope, sql`DELETE FROM read_listings WHERE kind = ${record.kind} AND id = ${record.id}`)
      if (record.kind === 'document') await putRegisterRow(scope, record)
      else if (record.kind === 'documentTerm') await bumpRegisterVersion(scope)
      if (record.lists.length > 0) {
        const values = record.lists.map((list) => sql`(${record.site}, ${list}, ${record.kind}, ${record.id}, ${record.sortAt})`)
        await run(scope, sql`INSERT INTO read_listings (site, list, kind, id, sort_at) VALUES ${sql.join(values, sql`, `)}`)
      }
      await adjustCounts(scope, record.kind, stored, { site: record.site, lists: record.lists })
    },

    async remove(scope, kind, id, stored) {
      if (kind === 'article') await bumpVersion(scope, 'articles')
      await adjustCounts(scope, kind, stored, undefined)
      if (sqlite) await removeFromSearch(scope, kind, id)
      await run(scope, sql`DELETE FROM read_listings WHERE kind = ${kind} AND id = ${id}`)
      if (kind === 'document' || kind === 'documentTerm') await bumpRegisterVersion(scope)
      if (kind === 'document') await run(scope, sql`DELETE FROM read_register WHERE id = ${id}`)
      await run(scope, sql`DELETE FROM read_documents WHERE kind = ${kind} AND id = ${id}`)
    },

    async reset() {
      const scope = {}
      if (sqlite) {
        await run(scope, sql`INSERT INTO read_search (read_search) VALUES ('delete-all')`)
        await run(scope, sql`DELETE FROM read_search_keys`)
      }
      await run(scope, sql`DELETE FROM read_listings`)
      await run(scope, sql`DELETE FROM read_list_counts`)
      await run(scope, sql`DELETE FROM read_register`)
      await bumpRegisterVersion(scope)
      await bumpVersion(scope, 'articles')
      await run(scope, sql`DELETE FROM read_documents`)
      await run(scope, sql`DELETE FROM read_model_meta WHERE key = 'version'`)
    },

    async markCurrent() {
      await run(
        {},
        sql`INSERT INTO read_model_meta (key, value) VALUES ('version', ${READ_MODEL_VERSION}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
    },
  }
}
