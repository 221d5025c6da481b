import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

import type { Site } from '../payload-types.ts'

/**
 * On SQLite, search reads an FTS5 index of the articles' folded `searchText` instead of scanning
 * every row with LIKE (100,000 articles: ≈ 600 ms per search → a few ms). FTS5's prefix query
 * `"hoi"*` matches the same thing as `contains ' hoi'` on the folded words, so the results are
 * those of the other adapters. Triggers keep the index in step with every write; PostgreSQL uses
 * its trigram indexes instead (see migrations/postgres), MongoDB the plain `contains` query.
 *
 * The index lives beside Payload's schema rather than in a migration, because a generated SQLite
 * migration that rebuilds the `articles` table drops its triggers: at every start, anything
 * missing is recreated and the index rebuilt.
 */

const TRIGGERS = {
  articles_search_insert: `CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_search (rowid, search_text) VALUES (new.id, new.search_text);
  END`,
  articles_search_delete: `CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  END`,
  articles_search_update: `CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF search_text ON articles BEGIN
    INSERT INTO articles_search (articles_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO articles_search (rowid, search_text) VALUES (new.id, new.search_text);
  END`,
}

export const sqliteClientOf = (payload: Payload): Client | undefined =>
  payload.db.name === 'sqlite' ? (payload.db as unknown as { client: Client }).client : undefined

/** Creates the FTS5 index and its triggers when missing (and then fills it); refreshes the planner's statistics. */
export async function prepareSqliteReads(client: Client, options: { refreshStatistics?: boolean } = {}): Promise<void> {
  const present = await client.execute(
    `SELECT name FROM sqlite_master WHERE name = 'articles_search' OR (type = 'trigger' AND name LIKE 'articles_search_%')`,
  )
  const names = new Set(present.rows.map((row) => String(row.name)))
  if (!names.has('articles_search') || Object.keys(TRIGGERS).some((name) => !names.has(name))) {
    const transaction = await client.transaction('write')
    try {
      await transaction.execute(
        `CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(search_text, content='articles', content_rowid='id', prefix='2 3')`,
      )
      for (const statement of Object.values(TRIGGERS)) await transaction.execute(statement)
      await transaction.execute(`INSERT INTO articles_search (articles_search) VALUES ('rebuild')`)
      await transaction.commit()
    } catch (error) {
      await transaction.rollback()
      throw error
    }
  }
  // Without statistics SQLite may walk a date index to find one slug (100,000 articles: 116 ms
  // instead of 0.1 ms). A bounded ANALYZE takes a few milliseconds, but it changes the schema
  // under other processes' connections (measured: a concurrent commit of another process was
  // lost), so it runs only where no statistics exist yet, and after bulk loads.
  const statistics = await client.execute(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`)
  if (statistics.rows.length === 0 || options.refreshStatistics) await client.executeMultiple('PRAGMA analysis_limit = 400; ANALYZE;')
}

/** For bulk loads: without the index, rows go in several times faster; prepareSqliteReads rebuilds it. */
export async function dropSqliteSearchIndex(client: Client): Promise<void> {
  for (const name of Object.keys(TRIGGERS)) await client.execute(`DROP TRIGGER IF EXISTS ${name}`)
  await client.execute('DROP TABLE IF EXISTS articles_search')
}

export type SearchCandidate = { id: number; searchTitle: string }

/**
 * A word found in most articles ("năm", "tỉnh") matches tens of thousands of rows, and sorting them
 * all by date took up to 0.5 s on 100,000 articles. Only the most recently written matches are
 * sorted (≤ 20 ms): beyond this many matches, older writes are not ranked.
 */
const MAX_SCANNED = 5000

/** Published articles of the site whose words start with every query word, newest first. */
export async function findSqliteCandidates(client: Client, site: Site, words: string[], limit: number): Promise<SearchCandidate[]> {
  const match = words.map((word) => `"${word.replace(/"/g, '')}"*`).join(' AND ')
  const result = await client.execute({
    sql: `SELECT a.id AS id, a.search_title AS search_title
          FROM (SELECT rowid FROM articles_search WHERE articles_search MATCH ? ORDER BY rowid DESC LIMIT ?) s
          JOIN articles a ON a.id = s.rowid
          WHERE a.site_id = ? AND a._status = 'published' AND a.published_at <= ?
          ORDER BY a.published_at DESC, a.created_at DESC
          LIMIT ?`,
    args: [match, MAX_SCANNED, site.id, new Date().toISOString(), limit],
  })
  return result.rows.map((row) => ({ id: Number(row.id), searchTitle: String(row.search_title ?? '') }))
}
