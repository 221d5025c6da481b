import type { Payload } from 'payload'

import { databaseKind } from './adapter.ts'

/**
 * Applies the committed migrations of the SQL dialect in use. MongoDB needs none;
 * push mode (local development only) changes the schema by itself.
 */
export async function applyMigrations(payload: Payload, databaseUrl: string, push: boolean): Promise<void> {
  const kind = databaseKind(databaseUrl)
  if (kind === 'mongodb' || push) return
  const { migrations } =
    kind === 'sqlite' ? await import('../../migrations/sqlite/index.ts') : await import('../../migrations/postgres/index.ts')
  await payload.db.migrate({ migrations })
}
