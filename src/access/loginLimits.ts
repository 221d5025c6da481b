import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, Payload, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { APIError } from 'payload'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { env } from '../config/env.ts'
import { deviceCookie, isKnownDevice } from './knownDevices.ts'

/** Set by the Express app from the trusted address (TRUST_PROXY, IPv6 by /64); a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-congtin-client-address'

/** Login attempts from one address, all accounts together. */
export const ADDRESS_LIMIT = { points: 30, duration: 15 * 60 }
/** Attempts at one account from one address: another address is not affected. */
export const ACCOUNT_LIMIT = { points: 5, duration: 10 * 60 }
/**
 * Failed attempts at one account from browsers that never signed in to it, all addresses
 * together: past it, only known devices (src/access/knownDevices.ts) may try that account.
 */
export const UNKNOWN_DEVICES_LIMIT = { points: 50, duration: 60 * 60 }

type Limiters = { address: RateLimiterAbstract; account: RateLimiterAbstract; unknownDevices: RateLimiterAbstract }
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
    found = make('address', ADDRESS_LIMIT).then(async (address) => ({
      address,
      account: await make('account', ACCOUNT_LIMIT),
      unknownDevices: await make('unknownDevices', UNKNOWN_DEVICES_LIMIT),
    }))
    limitersOf.set(payload, found)
  }
  return found
}

function keysOf(req: PayloadRequest, email: unknown): { address: string; account: string; email: string } | undefined {
  const address = req.headers.get(CLIENT_ADDRESS_HEADER)
  if (!address) return undefined // the Local API: server code, not a stranger
  const normalized = String(email ?? '').trim().toLowerCase()
  return { address, account: `${normalized}|${address}`, email: normalized }
}

/**
 * Counts every login attempt over HTTP before the password is checked, per address and per
 * account and address: an attacker runs out of tries at one account from their address, while
 * the account's owner, from another address, still logs in. Guessing spread over many addresses
 * is held by a third count per account, of attempts from browsers that never signed in to it:
 * past it strangers wait, while the owner's own browser (a known device) still gets in. Payload's
 * own lockout (which locks the account for everyone) is off for this reason.
 */
export const limitLoginAttempts: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const keys = keysOf(req, (args as { data?: { email?: string } }).data?.email)
  if (!keys) return args
  const { address, account, unknownDevices } = await limiters(req.payload)
  const known = isKnownDevice(req.payload.secret, keys.email, req.headers.get('cookie'))
  let step = 'address'
  try {
    await address.consume(keys.address)
    await account.consume(keys.account)
    step = 'unknownDevices'
    if (!known) await unknownDevices.consume(keys.email)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const minutes = Math.ceil(error.msBeforeNext / 60_000)
    const message =
      step === 'unknownDevices'
        ? `Tài khoản này đang bị thử mật khẩu từ nhiều nơi. Vui lòng đăng nhập trên máy đã từng đăng nhập tài khoản này, hoặc thử lại sau ${minutes} phút.`
        : `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`
    throw new APIError(message, 429, undefined, true)
  }
  return args
}

/**
 * A successful login clears the account's tries from that address and from unknown browsers, gives
 * the address its try back, and makes this browser a known device of the account.
 */
export const clearLoginAttempts: CollectionAfterLoginHook = async ({ req, user }) => {
  const keys = keysOf(req, (user as { email?: string }).email)
  if (!keys) return
  const { address, account, unknownDevices } = await limiters(req.payload)
  await Promise.all([account.delete(keys.account), unknownDevices.delete(keys.email), address.reward(keys.address, 1)])
  const headers = req.responseHeaders ?? new Headers()
  headers.append('Set-Cookie', deviceCookie(req.payload.secret, keys.email, req.headers.get('cookie'), env().serverUrl.startsWith('https:')))
  req.responseHeaders = headers
}
