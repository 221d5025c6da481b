import fs from 'node:fs'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'

import { sqliteFile } from '../../db/sqliteConnection.ts'
import { OpsError } from '../errors.ts'

async function withClient<T>(file: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    return await work(client)
  } finally {
    client.close()
  }
}

/**
 * Rows per table of a SQLite file. SQLite's own tables and the shadow tables of full-text indexes
 * are left out: those hold index segments, whose number changes when the index is rebuilt.
 */
export function sqliteTableCounts(file: string): Promise<Record<string, number>> {
  return withClient(file, async (client) => {
    const tables = await client.execute(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const row of tables.rows) {
      const name = String(row.name)
      const result = await client.execute(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`)
      counts[name] = Number(result.rows[0]!.n)
    }
    return counts
  })
}

/**
 * A consistent copy of a live database: `VACUUM INTO` reads one snapshot (WAL lets the server go
 * on writing meanwhile) and writes a compact file with no WAL of its own. A file copy of a WAL
 * database could miss committed pages still in the WAL, or catch a checkpoint half-way.
 */
export async function snapshotSqlite(url: string, destination: string): Promise<Record<string, number>> {
  const source = sqliteFile(url)
  if (!fs.existsSync(source)) throw new OpsError(`the database ${source} does not exist`)
  await withClient(source, (client) => client.execute({ sql: 'VACUUM INTO ?', args: [destination] }))
  return sqliteTableCounts(destination)
}

export async function sqliteIsEmpty(url: string): Promise<boolean> {
  const file = sqliteFile(url)
  if (!fs.existsSync(file)) return true
  return Object.keys(await sqliteTableCounts(file)).length === 0
}

/** Puts the backed-up file in place of the database (and its WAL), through a temporary name. */
export function restoreSqlite(backupFile: string, url: string): void {
  const target = sqliteFile(url)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const temporary = `${target}.restoring`
  fs.copyFileSync(backupFile, temporary)
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true })
  fs.renameSync(temporary, target)
}

/** `PRAGMA integrity_check`: 'ok', or the first problems SQLite finds. */
export function sqliteIntegrity(url: string): Promise<string> {
  return withClient(sqliteFile(url), async (client) => {
    const result = await client.execute('PRAGMA integrity_check')
    return result.rows.map((row) => String(Object.values(row)[0])).join('; ')
  })
}
