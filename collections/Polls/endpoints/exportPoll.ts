import type { Endpoint } from 'payload'

import { resultsCsv, votesCsv } from '../../../src/polls/csv.ts'
import { tallyPoll, toResults } from '../../../src/polls/tally.ts'
import { moderatedPoll } from './moderatedPoll.ts'

/** GET /api/polls/:id/export?what=results|votes: CSV for moderators (votes without secrets). */
export const exportPoll: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const moderated = await moderatedPoll(req)
    if ('response' in moderated) return moderated.response
    const { poll } = moderated
    const what = (req.query as Record<string, unknown>).what === 'votes' ? 'votes' : 'results'
    const body = what === 'votes' ? await votesCsv(req.payload, poll) : resultsCsv(poll, toResults(poll, await tallyPoll(req.payload, poll)))
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="tham-do-${poll.id}-${what === 'votes' ? 'phieu' : 'ket-qua'}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
