import type { PageChange } from '../cache/types.ts'

/**
 * What travels between instances: one content event per NOTIFY payload, as JSON, signed with
 * the sending instance's id so that it can ignore its own.
 *
 * - `sites`: the site table changed (sitesChanged);
 * - `pages`: pages of one site are out of date (pagesChanged), all of them without `tags`;
 * - `everything`: the sender may have lost notices; every site and page is out of date.
 *
 * `v` is the format's version. A notice of another version (an instance of another release during
 * a rolling upgrade) is read as `everything`: purging too much is safe, serving stale is not.
 */
export type Notice = { from: string } & ({ kind: 'sites' } | { kind: 'pages'; change: PageChange } | { kind: 'everything' })

const VERSION = 1

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; the margin keeps us clear of it. */
export const MAX_NOTICE_BYTES = 7_900

/** A change whose tags need more notices than this is sent as one purge of the whole site. */
export const MAX_PARTS = 8

type Wire = { v: number; from: string; kind: string; site?: string; tags?: string[] }

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/**
 * The NOTIFY payloads of one notice: usually one; a change with many tags is split into several
 * that each name some of them, and into one whole-site purge when even that would take more than
 * MAX_PARTS notices (or one tag alone does not fit).
 */
export function encodeNotice(notice: Notice): string[] {
  if (notice.kind !== 'pages') return [JSON.stringify({ v: VERSION, from: notice.from, kind: notice.kind } satisfies Wire)]
  const { site, tags } = notice.change
  const head: Wire = { v: VERSION, from: notice.from, kind: 'pages', site }
  const wholeSite = [JSON.stringify(head)]
  if (!tags) return wholeSite
  const whole = JSON.stringify({ ...head, tags })
  if (bytes(whole) <= MAX_NOTICE_BYTES) return [whole]

  // Greedy packing: the empty list's JSON plus each tag's JSON and its comma.
  const room = MAX_NOTICE_BYTES - bytes(JSON.stringify({ ...head, tags: [] }))
  const parts: string[][] = []
  let part: string[] = []
  let used = 0
  for (const tag of tags) {
    const cost = bytes(JSON.stringify(tag)) + 1
    if (cost > room) return wholeSite
    if (used + cost > room) {
      parts.push(part)
      if (parts.length >= MAX_PARTS) return wholeSite
      part = []
      used = 0
    }
    part.push(tag)
    used += cost
  }
  parts.push(part)
  return parts.map((partTags) => JSON.stringify({ ...head, tags: partTags }))
}

/** The notice a payload carries; undefined for what no instance of the portal sends. */
export function decodeNotice(payload: string): Notice | undefined {
  let wire: Partial<Wire>
  try {
    wire = JSON.parse(payload) as Partial<Wire>
  } catch {
    return undefined
  }
  if (typeof wire !== 'object' || wire === null || typeof wire.from !== 'string') return undefined
  const from = wire.from
  if (wire.v !== VERSION) return { from, kind: 'everything' }
  if (wire.kind === 'sites' || wire.kind === 'everything') return { from, kind: wire.kind }
  if (wire.kind !== 'pages' || typeof wire.site !== 'string') return undefined
  if (wire.tags === undefined) return { from, kind: 'pages', change: { site: wire.site } }
  if (!Array.isArray(wire.tags) || !wire.tags.every((tag) => typeof tag === 'string')) return { from, kind: 'pages', change: { site: wire.site } }
  return { from, kind: 'pages', change: { site: wire.site, tags: wire.tags } }
}
