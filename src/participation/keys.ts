import crypto from 'node:crypto'

import { formatDate } from '../lib/dates.ts'

/** Secrets of the citizens' forms, derived from the server secret (as the polls' keys are). */
export type FormKeys = {
  /** Signs the forms' captcha challenges (separate from the polls' key). */
  captchaKey: string
  /** The sender's address, hashed with a salt that changes every day; an IPv6 /64 is one address. */
  ipHash: (ip: string, now?: Date) => string
}

const hmac = (key: string | Buffer, text: string) => crypto.createHmac('sha256', key).update(text).digest()

/** The part of an address that names one sender: IPv4 as is, IPv6 cut to its /64 network. */
export function addressKey(ip: string): string {
  const address = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip
  if (!address.includes(':')) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((group) => parseInt(group || '0', 16).toString(16)).join(':')}::/64`
}

export function createFormKeys(secret: string): FormKeys {
  const derive = (label: string) => hmac(secret, `cong-tin forms ${label}`)
  const ip = derive('ip')
  return {
    captchaKey: derive('captcha').toString('hex'),
    ipHash: (address, now = new Date()) => hmac(hmac(ip, formatDate(now)), addressKey(address)).toString('base64url').slice(0, 22),
  }
}

/** A follow-up token (256 random bits) and the hash that is stored in its place. */
export function newFollowUpToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, hash: followUpHash(token) }
}

export function followUpHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url')
}
