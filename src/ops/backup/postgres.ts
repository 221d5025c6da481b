import { spawn } from 'node:child_process'

import pg from 'pg'

import { OpsError } from '../errors.ts'

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
  const counts: Record<string, number> = {}
  for (const { name } of tables.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name.replaceAll('"', '""')}"`)
    counts[name] = Number(result.rows[0]!.n)
  }
  return counts
}

export function postgresTableCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, tableCounts)
}

export async function postgresIsEmpty(url: string): Promise<boolean> {
  return Object.keys(await postgresTableCounts(url)).length === 0
}

/** Runs a PostgreSQL client tool; a missing tool or a failure becomes one clear line. */
function runTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new OpsError(`${tool} was not found: install the PostgreSQL client tools (Debian/Ubuntu: apt install postgresql-client), of the server's major version or newer`)
          : error,
      ),
    )
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new OpsError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`))))
  })
}

/**
 * `pg_dump -Fc` of one snapshot: a repeatable-read transaction exports its snapshot, counts the rows
 * in it, and pg_dump dumps that same snapshot, so the manifest's counts are the archive's.
 */
export function snapshotPostgres(url: string, destination: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
      const counts = await tableCounts(client)
      await runTool('pg_dump', ['--format=custom', `--snapshot=${rows[0]!.id}`, `--file=${destination}`, `--dbname=${url}`])
      return counts
    } finally {
      await client.query('COMMIT')
    }
  })
}

/** Loads a `pg_dump -Fc` archive; `replace` first drops everything in the public schema. */
export async function restorePostgres(archive: string, url: string, { replace }: { replace: boolean }): Promise<void> {
  if (replace) {
    await withClient(url, async (client) => {
      await client.query('DROP SCHEMA public CASCADE')
      await client.query('CREATE SCHEMA public')
    })
  }
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, archive])
}
