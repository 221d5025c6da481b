import type { RequestHandler } from 'express'

import crypto from 'node:crypto'

/** Header the edge sets on each request for the audit trail: the address's salted hash, never the address. */
export const ADDRESS_HASH_HEADER = 'x-cong-tin-address-hash'

/** A salted hash of an address: the same address gives the same value on one installation, and the address cannot be read back. */
export function hashAddress(address: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`audit-address:${address}`).digest('hex').slice(0, 24)
}

/** Hashes kept: readers come back from a few thousand addresses, and an HMAC per request was ≈ 2 % of a page. */
const HASHES_KEPT = 10_000

/** Replaces any incoming value of the header with the hash of this request's address. */
export function auditAddress(secret: string): RequestHandler {
  const hashes = new Map<string, string>()
  return (req, _res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? ''
    let hash = hashes.get(address)
    if (hash === undefined) {
      hash = hashAddress(address, secret)
      if (hashes.size >= HASHES_KEPT) hashes.clear()
      hashes.set(address, hash)
    }
    req.headers[ADDRESS_HASH_HEADER] = hash
    next()
  }
}
