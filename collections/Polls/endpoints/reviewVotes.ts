import type { Endpoint } from 'payload'

import { findSuspiciousVotes } from '../../../src/polls/moderation.ts'
import { tallyPoll, toResults } from '../../../src/polls/tally.ts'
import { moderatedPoll } from './moderatedPoll.ts'
import { reviewPage } from './reviewPage.ts'

/** GET /api/polls/:id/review: the review page for moderators (linked from the poll's live tally). */
export const reviewVotes: Endpoint = {
  path: '/:id/review',
  method: 'get',
  handler: async (req) => {
    const moderated = await moderatedPoll(req)
    if ('response' in moderated) return moderated.response
    const { poll } = moderated
    const [tally, review] = await Promise.all([tallyPoll(req.payload, poll), findSuspiciousVotes(req.payload, poll.id)])
    const done = (req.query as Record<string, unknown>).done
    const html = reviewPage({ poll, results: toResults(poll, tally), review, done: typeof done === 'string' ? done : undefined })
    return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
  },
}
