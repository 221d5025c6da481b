import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, Payload, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { APIError } from 'payload'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** Set by the Express app from the trusted address (TRUST_PROXY, IPv6 by /64); a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-congtin-client-address'

/** Login attempts from one address, all accounts together. */
export const ADDRESS_LIMIT = { points: 30, duration: 15 * 60 }
/** Attempts at one account from one address: another address is not affected. */
export const ACCOUNT_LIMIT = { points: 5, duration: 10 * 60 }

type Limiters = { address: RateLimiterAbstract; account: RateLimiterAbstract }
const limitersOf = new WeakMap<Payload, Promise<Limiters>>()

/**
 * In memory on SQLite (one process); in PostgreSQL, where several instances share the counts,
 * on the PostgreSQL database (a table of rate-limiter-flexible's own, `login_limits`).
 */
function limiters(payload: Payload): Promise<Limiters> {
  let found = limitersOf.get(payload)
  if (!found) {
    const pool = (payload.db as unknown as { pool?: Pool }).pool
    const make = (keyPrefix: string, limit: { points: number; duration: number }) =>
      new Promise<RateLimiterAbstract>((resolve, reject) => {
        if (!pool || payload.db.name !== 'postgres') return resolve(new RateLimiterMemory({ keyPrefix, ...limit }))
        // Ready once its table exists (created if missing).
        const limiter: RateLimiterAbstract = new RateLimiterPostgres(
          { storeClient: pool, storeType: 'pool', tableName: 'login_limits', keyPrefix, ...limit },
          (error?: Error) => (error ? reject(error) : resolve(limiter)),
        )
      })
    // One after the other: two concurrent CREATE TABLE IF NOT EXISTS can collide in PostgreSQL.
    found = make('address', ADDRESS_LIMIT).then(async (address) => ({ address, account: await make('account', ACCOUNT_LIMIT) }))
    limitersOf.set(payload, found)
  }
  return found
}

function keysOf(req: PayloadRequest, email: unknown): { address: string; account: string } | undefined {
  const address = req.headers.get(CLIENT_ADDRESS_HEADER)
  if (!address) return undefined // the Local API: server code, not a stranger
  return { address, account: `${String(email ?? '').trim().toLowerCase()}|${address}` }
}

/**
 * Counts every login attempt over HTTP before the password is checked, per address and per
 * account and address: an attacker runs out of tries at one account from their address, while
 * the account's owner, from another address, still logs in. Payload's own lockout (which locks
 * the account for everyone) is off for this reason.
 */
export const limitLoginAttempts: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const keys = keysOf(req, (args as { data?: { email?: string } }).data?.email)
  if (!keys) return args
  const { address, account } = await limiters(req.payload)
  try {
    await address.consume(keys.address)
    await account.consume(keys.account)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const minutes = Math.ceil(error.msBeforeNext / 60_000)
    throw new APIError(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, 429, undefined, true)
  }
  return args
}

/** A successful login clears the account's tries from that address and gives the address its try back. */
export const clearLoginAttempts: CollectionAfterLoginHook = async ({ req, user }) => {
  const keys = keysOf(req, (user as { email?: string }).email)
  if (!keys) return
  const { address, account } = await limiters(req.payload)
  await Promise.all([account.delete(keys.account), address.reward(keys.address, 1)])
}
