import crypto from 'node:crypto'

import { vietnamDay } from './calendar.ts'

/**
 * Who a visitor is, for "once per article" and "Đang online": a positive 52-bit number taken from
 * a SHA-256 of the address and browser under a key derived from the server secret and the day
 * (Vietnam calendar). Raw IPs are never kept, and today's numbers cannot be linked to yesterday's.
 *
 * A number rather than a string because the recorder keeps hundreds of thousands of them (see
 * recentSet.ts). With 52 bits, two of 200,000 readers share a number with a chance of about
 * 1 in 200,000.
 */
export type VisitorId = number

export type VisitorIdentity = {
  /** The visitor's number today. */
  visitor: (address: string, userAgent: string, now: Date) => VisitorId
  /** The same visitor's number for one page, e.g. an article: another number, just as unique. */
  viewerOf: (visitor: VisitorId, page: string) => VisitorId
}

const TWO_32 = 2 ** 32
/** Per-page salts kept; they are derived again when dropped, so dropping loses nothing. */
const PAGE_SALTS_KEPT = 20_000

/** The first 52 bits of a SHA-256, never 0 (0 marks an empty slot in recentSet.ts). */
const hashNumber = (text: string): number => Number.parseInt(crypto.hash('sha256', text).slice(0, 13), 16) || 1

export function visitorIdentity(secret: string): VisitorIdentity {
  let day = ''
  let dayKey = ''
  const pageSalts = new Map<string, number>()
  return {
    // The day's key is an HMAC of the secret, made once a day; each request then costs one plain
    // hash (a fresh HMAC per request cost four times as much).
    visitor(address, userAgent, now) {
      const today = vietnamDay(now)
      if (today !== day) {
        dayKey = crypto.createHmac('sha256', secret).update(`visitors ${today}`).digest('base64url')
        day = today
      }
      return hashNumber(`${dayKey}\n${address}\n${userAgent}`)
    },
    // The visitor's number XOR a 52-bit salt of the page: one page's viewers never share a number
    // (XOR with one salt is one-to-one), and a clash across pages is as unlikely as between two
    // visitors, without a second SHA-256 per request.
    viewerOf(visitor, page) {
      let salt = pageSalts.get(page)
      if (salt === undefined) {
        if (pageSalts.size >= PAGE_SALTS_KEPT) pageSalts.clear()
        pageSalts.set(page, (salt = hashNumber(`page\n${page}`)))
      }
      const high = Math.floor(visitor / TWO_32) ^ Math.floor(salt / TWO_32)
      const low = (visitor ^ salt) >>> 0
      return high * TWO_32 + low || 1
    },
  }
}
