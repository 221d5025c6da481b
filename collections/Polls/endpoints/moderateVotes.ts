import type { Endpoint } from 'payload'

import { ModerationError, moderateVotes as moderate } from '../../../src/polls/moderation.ts'
import { bodyOf, moderatedPoll } from './moderatedPoll.ts'

/**
 * POST /api/polls/:id/moderate { action: 'void' | 'restore', ids: [...] or ipHash, reason }:
 * voids or restores votes singly or in bulk, with an audit record.
 */
export const moderateVotes: Endpoint = {
  path: '/:id/moderate',
  method: 'post',
  handler: async (req) => {
    const moderated = await moderatedPoll(req)
    if ('response' in moderated) return moderated.response
    const body = await bodyOf(req)
    const action = body.action
    if (action !== 'void' && action !== 'restore') return Response.json({ message: 'Thao tác phải là "void" (hủy) hoặc "restore" (khôi phục).' }, { status: 400 })
    const ids = (Array.isArray(body.ids) ? body.ids : body.ids === undefined ? [] : [body.ids]).filter((id) => typeof id === 'string' || typeof id === 'number')
    try {
      const { count } = await moderate(req.payload, {
        poll: moderated.poll,
        user: moderated.user,
        action,
        voteIds: ids as (number | string)[],
        ipHash: typeof body.ipHash === 'string' && body.ipHash ? body.ipHash : undefined,
        reason: typeof body.reason === 'string' ? body.reason : '',
      })
      if ((req.headers.get('accept') ?? '').includes('text/html')) {
        return new Response(null, { status: 303, headers: { Location: `/api/polls/${moderated.poll.id}/review?done=${count}` } })
      }
      return Response.json({ action, count, message: `${action === 'void' ? 'Đã hủy' : 'Đã khôi phục'} ${count} phiếu.` })
    } catch (error) {
      if (error instanceof ModerationError) return Response.json({ message: error.message }, { status: 400 })
      throw error
    }
  },
}
