import type { Payload } from 'payload'

import { getPayload } from 'payload'

import { env } from '../config/env.ts'
import { applyMigrations } from '../db/migrate.ts'
import { checkDatabase } from '../db/preflight.ts'
import { trackCommits } from '../db/afterCommit.ts'
import { prepareSqliteReads, sqliteClientOf } from '../db/sqliteStatistics.ts'
import { startInstanceRelay, stopInstanceRelay } from '../site/instances/index.ts'
import { ensureReadModel } from '../site/readModel/rebuild.ts'

/**
 * Validates the environment, checks that the database answers, starts Payload and brings
 * the schema up to date. Next.js's bundled `getPayload` later finds this same instance
 * in Payload's process-wide cache, so the admin and the public site share one pool.
 * On PostgreSQL, content changes are relayed to and from the other processes on the database
 * (src/site/instances), CLI tools included, so that an import reaches the servers' caches.
 */
export async function startPayload({ runJobs = false, readModel = true }: { runJobs?: boolean; readModel?: boolean } = {}): Promise<Payload> {
  const settings = env()
  await checkDatabase(settings.databaseUrl)
  const { default: config } = await import('../../payload.config.ts')
  // `cron` starts the job runner (scheduled publishing) in servers, not in CLI tools or tests.
  const payload = await getPayload({ config, cron: runJobs })
  await applyMigrations(payload, settings.databaseUrl, settings.databasePush)
  trackCommits(payload)
  const sqlite = sqliteClientOf(payload)
  if (sqlite) await prepareSqliteReads(sqlite)
  // `readModel: false` for the rebuild command, which writes it anyway.
  if (readModel) await ensureReadModel(payload)
  await startInstanceRelay(payload, settings.databaseUrl)
  return payload
}

/** How long to wait for the PostgreSQL pool to drain on shutdown. */
const POOL_END_TIMEOUT_MS = 2_000

/**
 * Closes the database. The PostgreSQL adapter's `destroy` leaves its pool open, and its
 * `connect` keeps one client checked out for good, so `pool.end()` would wait forever:
 * end the pool, but give up waiting after a moment (the process exits next).
 */
export async function stopPayload(payload: Payload): Promise<void> {
  await stopInstanceRelay(payload)
  await payload.destroy()
  const pool = (payload.db as { pool?: { end: () => Promise<void>; ended?: boolean } }).pool
  if (!pool || pool.ended) return
  await Promise.race([pool.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, POOL_END_TIMEOUT_MS).unref())])
}
