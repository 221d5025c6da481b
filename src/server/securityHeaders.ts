import type { RequestHandler } from 'express'

import { isNextPath } from './nextRoutes.ts'

const PUBLIC_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** Headers for every response; the strict CSP only for our own pages (Next.js sets the admin's). */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.set('X-Content-Type-Options', 'nosniff')
  res.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.set('X-Frame-Options', 'SAMEORIGIN')
  if (!isNextPath(req.path)) res.set('Content-Security-Policy', PUBLIC_CSP)
  next()
}
