import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

/** Largest page, default page and deepest population the public gets from REST and GraphQL. */
export const PUBLIC_MAX_LIMIT = 100
export const PUBLIC_DEFAULT_LIMIT = 10
export const PUBLIC_MAX_DEPTH = 2

type ReadBounds = { depth?: number; limit?: number; page?: number; pagination?: boolean }

/**
 * What an anonymous API request may ask for: `limit` at most 100, where 0 (Payload's "all") and
 * no limit mean the default page; `depth` at most 2; pagination always on.
 */
export function boundedRead<T extends ReadBounds>(args: T): T {
  const bounded = { ...args }
  if ('limit' in args || 'pagination' in args) {
    const limit = Number(args.limit) || PUBLIC_DEFAULT_LIMIT
    bounded.limit = Math.min(Math.max(limit, 1), PUBLIC_MAX_LIMIT)
    bounded.pagination = true
  }
  if (typeof args.depth === 'number' && args.depth > PUBLIC_MAX_DEPTH) bounded.depth = PUBLIC_MAX_DEPTH
  return bounded
}

/**
 * What any API request may ask for, staff included: a page number from 1 and a limit that is not
 * negative. Payload turns `limit=-1&page=2` into a negative SQL offset, which the database
 * refuses with an error (a 500); here it is the first page of the default size instead.
 */
export function saneRead<T extends ReadBounds>(args: T): T {
  const sane = { ...args }
  if ('page' in args && args.page !== undefined && !(Number.isInteger(Number(args.page)) && Number(args.page) >= 1)) sane.page = 1
  if ('limit' in args && args.limit !== undefined && !(Number(args.limit) >= 0)) sane.limit = PUBLIC_DEFAULT_LIMIT
  return sane
}

/**
 * Bounds every read that comes over REST or GraphQL: sane page and limit for everyone, and the
 * public bounds without a signed-in user (all users are staff). The Local API (public pages, jobs,
 * seeds) passes through untouched: its callers choose their sizes.
 */
export const boundPublicReads: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  const sane = saneRead(args as typeof args & ReadBounds)
  return req.user ? sane : boundedRead(sane)
}

/** Adds `boundPublicReads` in front of every collection's operations. */
export const publicApiBounds: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [boundPublicReads, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
