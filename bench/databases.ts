import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import type { Manifest } from './generateArticles.ts'

import { NODE, ROOT } from './servers.ts'

/**
 * The generated databases of the page benchmark: made once per size and reused. The key hashes
 * the migrations, the generator and the read model's version, so a schema or content change makes
 * a new one instead of a stale reuse. SQLite lives in a folder of tmp/bench; PostgreSQL in a
 * database of its own on the local server (its media and manifest in such a folder). The servers
 * run on a copy, so what they write (published articles, jobs, sessions) never changes the original.
 */

export type BenchDatabaseKind = 'postgres' | 'sqlite'

export type BenchDatabase = {
  kind: BenchDatabaseKind
  manifest: Manifest
  /** The copy the servers run on: data folder (SQLite file, media) and, for PostgreSQL, its URL. */
  runDir: string
  databaseUrl?: string
  /** Drops the copy. */
  dispose: () => Promise<void>
}

const BENCH_DIR = path.join(ROOT, 'tmp', 'bench')
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const POSTGRES_RUN_DATABASE = 'congtin_bench_run'

const log = (message: string) => console.log(`[bench] ${message}`)

function generationKey(kind: BenchDatabaseKind): string {
  const hash = crypto.createHash('sha256')
  for (const file of [`migrations/${kind}/index.ts`, 'bench/generateArticles.ts', 'bench/generateDocuments.ts']) hash.update(fs.readFileSync(path.join(ROOT, file)))
  const store = fs.readFileSync(path.join(ROOT, 'src/site/readModel/store.ts'), 'utf8')
  hash.update(store.match(/READ_MODEL_VERSION = .*/)?.[0] ?? '')
  return hash.digest('hex').slice(0, 10)
}

/** The address of a database on the bench's PostgreSQL server. */
export function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${database}`
  return url.toString()
}

/** Runs `work` on a connection to the server's administration database. */
export async function postgresAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** How many articles and legal documents a bench database holds. */
export type BenchSize = { articles: number; documents: number }

function generate({ articles, documents }: BenchSize, outDir: string, databaseUrl?: string): void {
  const argv = ['bench/generateArticles.ts', '--articles', String(articles), '--documents', String(documents), '--out', outDir]
  if (databaseUrl) argv.push('--database-url', databaseUrl)
  const result = spawnSync(NODE[0]!, [...NODE.slice(1), ...argv], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`article generation failed (exit ${result.status})`)
}

const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest

/** Removes folders (and PostgreSQL databases) of the same size made by an older generator. */
async function removeObsolete(kind: BenchDatabaseKind, prefix: string): Promise<void> {
  if (fs.existsSync(BENCH_DIR)) {
    for (const name of fs.readdirSync(BENCH_DIR)) if (name.startsWith(prefix)) fs.rmSync(path.join(BENCH_DIR, name), { recursive: true })
  }
  if (kind !== 'postgres') return
  const databasePrefix = prefix.replaceAll('-', '_')
  await postgresAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [databasePrefix])
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  })
}

/** The database of this size on `kind`, generated if needed, and a fresh copy to run on. */
export async function prepareDatabase(kind: BenchDatabaseKind, size: BenchSize, fresh: boolean): Promise<BenchDatabase> {
  const { articles, documents } = size
  const prefix = `congtin-bench-${kind}-${articles}-${documents}d-`
  const name = prefix + generationKey(kind)
  const dir = path.join(BENCH_DIR, name)
  const database = name.replaceAll('-', '_')
  const exists =
    fs.existsSync(path.join(dir, 'manifest.json')) &&
    (kind === 'sqlite' || (await postgresAdmin((client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]))).rowCount === 1)
  if (fresh || !exists) {
    await removeObsolete(kind, prefix)
    // Generate aside and rename when complete, so an interrupted run never leaves a half database.
    const partial = `${dir}.partial`
    fs.rmSync(partial, { recursive: true, force: true })
    log(`generating ${articles} articles and ${documents} documents on ${kind} in ${path.relative(ROOT, dir)}${kind === 'postgres' ? ` and database ${database}` : ''} (once; reused by later runs)`)
    if (kind === 'postgres') {
      await postgresAdmin((client) => client.query(`CREATE DATABASE "${database}_partial"`))
      generate(size, partial, postgresUrl(`${database}_partial`))
      await postgresAdmin((client) => client.query(`ALTER DATABASE "${database}_partial" RENAME TO "${database}"`))
    } else {
      generate(size, partial)
    }
    fs.renameSync(partial, dir)
  } else {
    log(`reusing ${path.relative(ROOT, dir)}${kind === 'postgres' ? ` and database ${database}` : ''}`)
  }
  const manifest = readManifest(dir)
  log(
    `${kind}: ${manifest.articles} articles and ${manifest.documents} documents generated ${manifest.date.slice(0, 10)} in ${manifest.seconds} s ` +
      `(articles ${manifest.generatedSeconds} s, read model rebuild ${manifest.rebuildSeconds} s)`,
  )

  const runDir = path.join(BENCH_DIR, `run-${kind}`)
  fs.rmSync(runDir, { recursive: true, force: true })
  fs.cpSync(dir, runDir, { recursive: true })
  if (kind === 'sqlite') return { kind, manifest, runDir, dispose: async () => fs.rmSync(runDir, { recursive: true, force: true }) }
  // A file-level copy of the generated database: seconds, even for 100,000 articles.
  await postgresAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_RUN_DATABASE} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${POSTGRES_RUN_DATABASE} TEMPLATE "${database}"`)
  })
  return {
    kind,
    manifest,
    runDir,
    databaseUrl: postgresUrl(POSTGRES_RUN_DATABASE),
    dispose: async () => {
      fs.rmSync(runDir, { recursive: true, force: true })
      await postgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${POSTGRES_RUN_DATABASE} WITH (FORCE)`))
    },
  }
}
