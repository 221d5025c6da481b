import type { Payload } from 'payload'

import { RATE_WINDOW_MS } from './service.ts'

export type AddressVotes = { attempts: number; retryAfterSeconds: number }

/**
 * How many votes an address (its salted hash) has cast on a poll within the window, this one
 * included, read from the vote rows: every instance sharing the database sees the same count, and
 * only votes that passed the captcha count, so junk from an office's shared address flags nobody.
 */
export async function addressVotes(payload: Payload, pollId: number | string, ipHash: string, now: Date): Promise<AddressVotes> {
  const since = now.getTime() - RATE_WINDOW_MS
  // server rights: a count and the oldest time of this address's recent votes; neither reaches the voter
  const recent = await payload.find({
    collection: 'poll-votes',
    where: { and: [{ poll: { equals: pollId } }, { ipHash: { equals: ipHash } }, { createdAt: { greater_than: new Date(since).toISOString() } }] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    select: { createdAt: true },
    overrideAccess: true,
  })
  const oldest = recent.docs[0] ? new Date(recent.docs[0].createdAt).getTime() : now.getTime()
  return { attempts: recent.totalDocs + 1, retryAfterSeconds: Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now.getTime()) / 1000)) }
}
