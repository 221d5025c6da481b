import type { AfterErrorHook } from 'payload'

import { DATABASE_BUSY_MESSAGE } from './sqliteWrites.ts'

/** pg-pool's error when no connection came free within `connectionTimeoutMillis`. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect'

/** Whether `error`, or an error it wraps, says the database had no room for the request in time. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error as Error | undefined, depth = 0; current && depth < 5; current = current.cause as Error | undefined, depth++) {
    const message = String(current.message)
    if (message.includes(DATABASE_BUSY_MESSAGE) || message.includes(POOL_TIMEOUT)) return true
  }
  return false
}

/**
 * A database too busy to take a request in time (SQLite: a write waited past DATABASE_WAIT_MS for
 * its turn; PostgreSQL: a write waited as long for its turn (src/db/transactionTurns.ts), or no
 * pooled connection came free) is answered 503 with a Vietnamese message
 * and Retry-After. Payload's SQL adapters wrap both in plain errors, which it would answer 500.
 */
export const answerBusyDatabaseWith503: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseBusy(error)) return
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', '5')
  req.responseHeaders = headers
  return { status: 503, response: { errors: [{ message: DATABASE_BUSY_MESSAGE }] } }
}
