import type { RequestHandler } from 'express'

import helmet from 'helmet'

import { EMBED_ORIGINS } from '../lib/videoEmbed.ts'
import { isNextPath } from './nextRoutes.ts'

const common = {
  // Our own pages' policy (and the admin's) is the Content-Security-Policy below.
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  frameguard: { action: 'sameorigin' as const },
}

/** The public pages: our scripts and styles only, iframes only from the video platforms we embed. */
const PUBLIC_DIRECTIVES = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  frameSrc: EMBED_ORIGINS,
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  upgradeInsecureRequests: null,
}

/**
 * Payload's admin (Next.js): Next writes its page data as inline scripts and the admin sets inline
 * styles, so both allow 'unsafe-inline'; everything else comes from this origin. Live preview
 * frames the portal itself.
 */
const ADMIN_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  upgradeInsecureRequests: null,
}

/**
 * Security headers for every response (helmet): a Content-Security-Policy for the public pages
 * and another for the admin and API, nosniff, referrer policy, frame options; HSTS only when the
 * portal is served over https (`SERVER_URL`), since a browser would otherwise refuse plain http.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const hsts = https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false
  const publicHeaders = helmet({ ...common, strictTransportSecurity: hsts, contentSecurityPolicy: { useDefaults: false, directives: PUBLIC_DIRECTIVES } })
  const adminHeaders = helmet({ ...common, strictTransportSecurity: hsts, contentSecurityPolicy: { useDefaults: false, directives: ADMIN_DIRECTIVES } })
  return (req, res, next) => (isNextPath(req.path) ? adminHeaders : publicHeaders)(req, res, next)
}
