import type { RequestHandler } from 'express'

import crypto from 'node:crypto'

/** Header the edge sets on each request for the audit trail: the address's salted hash, never the address. */
export const ADDRESS_HASH_HEADER = 'x-cong-tin-address-hash'

/** A salted hash of an address: the same address gives the same value on one installation, and the address cannot be read back. */
export function hashAddress(address: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`audit-address:${address}`).digest('hex').slice(0, 24)
}

/** Replaces any incoming value of the header with the hash of this request's address. */
export function auditAddress(secret: string): RequestHandler {
  return (req, _res, next) => {
    req.headers[ADDRESS_HASH_HEADER] = hashAddress(req.ip ?? req.socket.remoteAddress ?? '', secret)
    next()
  }
}
