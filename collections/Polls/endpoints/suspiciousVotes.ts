import type { Endpoint } from 'payload'

import { findSuspiciousVotes } from '../../../src/polls/moderation.ts'
import { moderatedPoll } from './moderatedPoll.ts'

const bounded = (raw: unknown, fallback: number, max: number) => {
  const value = Number(raw)
  return Number.isInteger(value) && value >= 1 && value <= max ? value : fallback
}

/** GET /api/polls/:id/suspicious?window=10&threshold=5: bursts by address or browser, and flagged votes. */
export const suspiciousVotes: Endpoint = {
  path: '/:id/suspicious',
  method: 'get',
  handler: async (req) => {
    const moderated = await moderatedPoll(req)
    if ('response' in moderated) return moderated.response
    const query = req.query as Record<string, unknown>
    const review = await findSuspiciousVotes(req.payload, moderated.poll.id, bounded(query.window, 10, 24 * 60), bounded(query.threshold, 5, 100_000))
    return Response.json(review, { headers: { 'Cache-Control': 'no-store' } })
  },
}
