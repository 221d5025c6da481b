import crypto from 'node:crypto'

import { formatDate } from '../lib/dates.ts'

/**
 * Everything secret about a vote is an HMAC under keys derived from the server secret, so a vote
 * row holds no raw address, user agent or cookie, and a leaked table cannot be reversed.
 */
export type PollKeys = {
  /** Signs captcha challenges (ALTCHA's HMAC key). */
  captchaKey: string
  /** The stored voter key: HMAC of the random voter cookie. */
  voterKey: (cookie: string) => string
  /** A short tag of the voter key, carried inside a challenge to bind it to the voter. */
  voterTag: (voterKey: string) => string
  /** The address, hashed with a salt that changes every day (Asia/Ho_Chi_Minh calendar). */
  ipHash: (ip: string, now?: Date) => string
  userAgentHash: (userAgent: string) => string
}

const hmac = (key: string | Buffer, text: string) => crypto.createHmac('sha256', key).update(text).digest()

export function createPollKeys(secret: string): PollKeys {
  const derive = (label: string) => hmac(secret, `cong-tin polls ${label}`)
  const captcha = derive('captcha').toString('hex')
  const voter = derive('voter')
  const ip = derive('ip')
  const userAgent = derive('user-agent')
  const saltCache = new Map<string, Buffer>()
  const dailySalt = (now: Date) => {
    const day = formatDate(now)
    let salt = saltCache.get(day)
    if (!salt) {
      saltCache.clear()
      salt = hmac(ip, day)
      saltCache.set(day, salt)
    }
    return salt
  }
  return {
    captchaKey: captcha,
    voterKey: (cookie) => hmac(voter, cookie).toString('base64url'),
    voterTag: (voterKey) => hmac(voter, `tag ${voterKey}`).toString('base64url').slice(0, 16),
    ipHash: (address, now = new Date()) => hmac(dailySalt(now), address).toString('base64url').slice(0, 22),
    userAgentHash: (agent) => hmac(userAgent, agent).toString('base64url').slice(0, 22),
  }
}

export const VOTER_COOKIE = 'ct_voter'

/** A new random voter cookie value (128 bits). */
export function newVoterCookie(): string {
  return crypto.randomBytes(16).toString('base64url')
}

/** The voter cookie of a request, when it has a well-formed one. */
export function voterCookieOf(header: string | undefined): string | undefined {
  const match = /(?:^|;\s*)ct_voter=([A-Za-z0-9_-]{22})(?:;|$)/.exec(header ?? '')
  return match?.[1]
}
