import type { Endpoint } from 'payload'

import { tallyPoll, toResults } from '../../../src/polls/tally.ts'
import { moderatedPoll } from './moderatedPoll.ts'

/** GET /api/polls/:id/tally: live counts of valid votes, for moderators of the poll's site. */
export const pollTally: Endpoint = {
  path: '/:id/tally',
  method: 'get',
  handler: async (req) => {
    const moderated = await moderatedPoll(req)
    if ('response' in moderated) return moderated.response
    const { poll } = moderated
    return Response.json({ poll: poll.id, status: poll.status, ...toResults(poll, await tallyPoll(req.payload, poll)) }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
