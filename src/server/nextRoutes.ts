import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'

import { CLIENT_ADDRESS_HEADER } from '../access/loginLimits.ts'
import { addressKey } from './clientAddress.ts'

export type NextRequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** Paths that belong to Payload's admin, REST and GraphQL APIs, all served by Next.js. */
const NEXT_PREFIXES = ['/admin', '/api', '/_next', '/__nextjs']

export function isNextPath(path: string): boolean {
  return NEXT_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/**
 * Hands Payload's paths to Next.js untouched. A prefix check rather than `app.use('/admin')`,
 * which would strip the prefix Next routes on; and no body parser may run before it.
 */
export function nextRoutes(handleNext: NextRequestHandler): RequestHandler {
  return (req, res, next) => {
    if (!isNextPath(req.path)) return next()
    // The admin speaks Vietnamese unless the user chose another language (Payload's language cookie).
    if (!req.headers.cookie?.includes('payload-lng=')) req.headers['accept-language'] = 'vi'
    // The reader's address as TRUST_PROXY finds it, for the login limits; never the client's own header.
    req.headers[CLIENT_ADDRESS_HEADER] = addressKey(req.ip ?? '')
    handleNext(req, res).catch(next)
  }
}
