import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) return 'postgres'
  return 'mongodb'
}

type AdapterOptions = {
  url: string
  /** Let the SQL adapters change the schema without migrations: local development only. */
  push: boolean
  /** How long a write waits for its turn (SQLite) or a query for a connection (PostgreSQL); then 503 (src/db/busy.ts). */
  waitMs?: number
}

/** Where committed migrations of each SQL dialect live; `payload migrate:create` writes there too. */
export function migrationDir(kind: DatabaseKind): string {
  return path.resolve(process.cwd(), 'migrations', kind)
}

/** Write transactions under way at once on PostgreSQL (src/db/transactionTurns.ts). */
export const POSTGRES_WRITE_TURNS = 2

/**
 * The database adapter named by DATABASE_URL. Each adapter is imported only when chosen,
 * so the SQLite default never loads the PostgreSQL or MongoDB drivers.
 */
export async function createDatabaseAdapter({ url, push, waitMs = 10_000 }: AdapterOptions): Promise<DatabaseAdapterObj> {
  const kind = databaseKind(url)
  if (kind === 'sqlite') {
    const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
    const { createSerializedSqliteClient } = await import('./sqliteWrites.ts')
    const adapter = sqliteAdapter({
      client: { url },
      // WAL, sync level and busy timeout are set by our client (src/db/sqliteWrites.ts).
      transactionOptions: {},
      migrationDir: migrationDir(kind),
      push,
    })
    // The adapter's connect() keeps a client that is already set: ours, with one writer at a time.
    const init = adapter.init
    adapter.init = (args) => Object.assign(init(args), { client: createSerializedSqliteClient(url, waitMs) })
    return adapter
  }
  if (kind === 'postgres') {
    const { postgresAdapter } = await import('@payloadcms/db-postgres')
    const { takeTurnsForTransactions } = await import('./transactionTurns.ts')
    const adapter = postgresAdapter({
      pool: { connectionString: url, max: 10, connectionTimeoutMillis: waitMs },
      migrationDir: migrationDir(kind),
      push,
    })
    const init = adapter.init
    adapter.init = (args) => takeTurnsForTransactions(init(args), POSTGRES_WRITE_TURNS, waitMs)
    return adapter
  }
  const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
  return mongooseAdapter({
    url,
    connectOptions: { serverSelectionTimeoutMS: 5_000 },
    migrationDir: migrationDir(kind),
  })
}
