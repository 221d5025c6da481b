import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { ADDRESS_HASH_HEADER } from './address.ts'
import { recordAudit } from './record.ts'

const LOGIN_PATH = /^\/api\/([a-z0-9-]+)\/login$/

/**
 * Failed sign-ins through REST: Payload has no hook for them, so the answer is watched here. The
 * entry has the collection and the address's hash; the email typed is not read (the body goes to Payload untouched).
 */
export function auditFailedSignIns(payload: Payload): RequestHandler {
  return (req, res, next) => {
    const match = req.method === 'POST' ? LOGIN_PATH.exec(req.path) : null
    if (match) {
      res.on('finish', () => {
        if (res.statusCode !== 401 && res.statusCode !== 403) return
        const addressHash = String(req.headers[ADDRESS_HASH_HEADER] ?? '')
        recordAudit(payload, { action: 'signInFailed', collection: match[1] }, { addressHash }).catch((error) =>
          payload.logger.error({ err: error, msg: 'audit: recording a failed sign-in failed' }),
        )
      })
    }
    next()
  }
}
