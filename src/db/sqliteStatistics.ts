import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

export const sqliteClientOf = (payload: Payload): Client | undefined =>
  payload.db.name === 'sqlite' ? (payload.db as unknown as { client: Client }).client : undefined

/** An FTS5 index of the articles table that search used before the read model (src/site/readModel) had its own. */
const LEGACY_SEARCH_INDEX = ['articles_search_insert', 'articles_search_delete', 'articles_search_update']

/**
 * At start: removes the old articles search index and its triggers where they remain (they cost
 * every article write), and gives SQLite's planner statistics where it has none. Without them SQLite
 * may walk a date index to find one slug (100,000 articles: 116 ms instead of 0.1 ms). A bounded
 * ANALYZE takes a few milliseconds, but it changes the schema under other processes' connections
 * (measured: a concurrent commit of another process was lost), so it runs only where no statistics
 * exist yet, or when asked after a bulk load.
 */
export async function prepareSqliteReads(client: Client, options: { refreshStatistics?: boolean } = {}): Promise<void> {
  for (const trigger of LEGACY_SEARCH_INDEX) await client.execute(`DROP TRIGGER IF EXISTS ${trigger}`)
  await client.execute('DROP TABLE IF EXISTS articles_search')
  const statistics = await client.execute(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`)
  if (statistics.rows.length === 0 || options.refreshStatistics) await client.executeMultiple('PRAGMA analysis_limit = 400; ANALYZE;')
}
