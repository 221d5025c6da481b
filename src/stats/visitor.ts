import type { Request } from 'express'

import crypto from 'node:crypto'

import { vietnamDay } from './calendar.ts'

/**
 * Who a visitor is, for "once per article" and "Đang online": an HMAC of the address and browser
 * keyed by the server secret and the day, so it changes every day and the raw IP is never kept.
 */
export function visitorHash(secret: string, ip: string, userAgent: string, now: Date): string {
  return crypto.createHmac('sha256', secret).update(`${vietnamDay(now)}\n${ip}\n${userAgent}`).digest('base64url').slice(0, 22)
}

export function visitorOf(req: Request, secret: string, now: Date): string {
  return visitorHash(secret, req.ip ?? req.socket.remoteAddress ?? '', req.get('user-agent') ?? '', now)
}
