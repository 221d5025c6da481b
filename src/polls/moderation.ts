import type { Payload, Where } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Poll, PollVote, User } from '../payload-types.ts'

import { contentEvents } from '../site/contentEvents.ts'

export type ModerationRequest = {
  poll: Pick<Poll, 'id' | 'site'>
  user: User
  action: 'restore' | 'void'
  /** Votes by id, or every vote of an address or user-agent hash (a burst). */
  voteIds?: (number | string)[]
  ipHash?: string
  reason: string
}

export class ModerationError extends Error {}

const siteIdOf = (poll: Pick<Poll, 'site'>) => (typeof poll.site === 'object' && poll.site ? poll.site.id : poll.site)

/**
 * Voids or restores votes of one poll, with a required reason, in one transaction with its audit
 * record (who, when, why, how many). Tallies are counted from the vote rows, so they follow at
 * once; the site's cached pages, which may show results, are purged.
 */
export async function moderateVotes(payload: Payload, request: ModerationRequest): Promise<{ count: number }> {
  const reason = request.reason.trim()
  if (reason.length < 3) throw new ModerationError('Vui lòng ghi lý do (ít nhất 3 ký tự).')
  const ids = (request.voteIds ?? []).filter((id) => id !== '' && id !== null && id !== undefined)
  if (ids.length === 0 && !request.ipHash) throw new ModerationError('Chưa chọn phiếu nào.')
  const from = request.action === 'void' ? ['valid', 'flagged'] : ['void', 'flagged']
  const target: PollVote['status'] = request.action === 'void' ? 'void' : 'valid'
  const where: Where = {
    and: [
      { poll: { equals: request.poll.id } },
      { status: { in: from } },
      ids.length > 0 ? { id: { in: ids } } : { ipHash: { equals: request.ipHash } },
    ],
  }

  const req = await createLocalReq({ user: request.user }, payload)
  let count = 0
  try {
    await initTransaction(req)
    // server rights: the route checked the moderator and their poll (moderatedPoll)
    const found = await payload.find({ collection: 'poll-votes', where, select: { status: true }, depth: 0, limit: 50_000, pagination: false, overrideAccess: true, req })
    const targets = found.docs.map((vote) => vote.id)
    count = targets.length
    if (count > 0) {
      // server rights: votes are not writable by anyone; the moderator was checked above
      await payload.update({
        collection: 'poll-votes',
        where: { id: { in: targets } },
        data: { status: target, moderatedBy: request.user.id, moderatedAt: new Date().toISOString(), moderationReason: reason },
        depth: 0,
        overrideAccess: true,
        req,
      })
      // server rights: the audit record is written by the system, in the same transaction
      await payload.create({
        collection: 'poll-audits',
        data: { poll: request.poll.id, site: siteIdOf(request.poll), action: request.action, count, reason, user: request.user.id, votes: targets },
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  const site = siteIdOf(request.poll)
  if (count > 0 && site !== undefined && site !== null) contentEvents.emit('pagesChanged', { site: String(site) })
  return { count }
}

export type Burst = { kind: 'ip' | 'userAgent'; hash: string; count: number; first: string; last: string; voteIds: (number | string)[] }
type ReviewVote = Pick<PollVote, 'createdAt' | 'flagReason' | 'id' | 'ipHash' | 'status' | 'uaHash'>

/**
 * Suspicious votes of a poll: bursts (at least `threshold` votes from one address hash or one
 * user-agent hash within `windowMinutes`), and votes the rate limiter flagged.
 */
export async function findSuspiciousVotes(payload: Payload, pollId: number | string, windowMinutes = 10, threshold = 5): Promise<{ bursts: Burst[]; flagged: ReviewVote[] }> {
  // server rights: the route checked the moderator and their poll (moderatedPoll)
  const result = await payload.find({
    collection: 'poll-votes',
    where: { poll: { equals: pollId } },
    select: { id: true, ipHash: true, uaHash: true, status: true, createdAt: true, flagReason: true },
    sort: 'createdAt',
    depth: 0,
    limit: 50_000,
    pagination: false,
    overrideAccess: true,
  })
  const votes = result.docs as ReviewVote[]
  const windowMs = windowMinutes * 60_000
  const bursts: Burst[] = []
  for (const kind of ['ip', 'userAgent'] as const) {
    const groups = new Map<string, ReviewVote[]>()
    for (const vote of votes) {
      const hash = kind === 'ip' ? vote.ipHash : vote.uaHash
      groups.set(hash, [...(groups.get(hash) ?? []), vote])
    }
    for (const [hash, group] of groups) {
      let start = 0
      let best = 0
      const inBursts = new Set<number | string>()
      for (let end = 0; end < group.length; end++) {
        while (Date.parse(group[end]!.createdAt) - Date.parse(group[start]!.createdAt) > windowMs) start++
        const size = end - start + 1
        best = Math.max(best, size)
        if (size >= threshold) for (let index = start; index <= end; index++) inBursts.add(group[index]!.id)
      }
      if (best >= threshold) {
        const members = group.filter((vote) => inBursts.has(vote.id))
        bursts.push({ kind, hash, count: best, first: members[0]!.createdAt, last: members.at(-1)!.createdAt, voteIds: members.map((vote) => vote.id) })
      }
    }
  }
  bursts.sort((a, b) => b.count - a.count)
  return { bursts, flagged: votes.filter((vote) => vote.status === 'flagged') }
}
