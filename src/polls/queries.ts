import type { Payload, Where } from 'payload'

import type { Poll, PollVote, Site } from '../payload-types.ts'

import { pollPhase } from './schedule.ts'

export type Placement = 'article' | 'home' | 'page'

const ofSite = (site: Site, where: Where): Where => ({ and: [{ site: { equals: site.id } }, where] })

/** A poll of this site by its slug, as the public may read it (open or closed, never draft or archived). */
export async function findPublicPoll(payload: Payload, site: Site, slug: string): Promise<Poll | undefined> {
  const result = await payload.find({
    collection: 'polls',
    where: ofSite(site, { slug: { equals: slug } }),
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs[0]
}

/** The newest poll open now that the site shows at `placement`. */
export async function findPollFor(payload: Payload, site: Site, placement: Placement, now = new Date()): Promise<Poll | undefined> {
  const result = await payload.find({
    collection: 'polls',
    where: ofSite(site, { and: [{ status: { equals: 'open' } }, { placements: { in: [placement] } }] }),
    sort: '-createdAt',
    limit: 5,
    depth: 0,
    pagination: false,
    overrideAccess: false,
  })
  return result.docs.find((poll) => pollPhase(poll, now) === 'open')
}

/** Open and closed polls of a site, newest first, for the list page. */
export async function findPublicPolls(payload: Payload, site: Site): Promise<Poll[]> {
  const result = await payload.find({ collection: 'polls', where: ofSite(site, {}), sort: '-createdAt', limit: 50, depth: 0, pagination: false, overrideAccess: false })
  return result.docs
}

/**
 * The vote of this voter in this poll, if any. Votes are not public: read with the server's
 * rights, for the voter's own key only, and only its choice leaves this function.
 */
export async function findVoterVote(payload: Payload, pollId: number | string, voterKey: string): Promise<Pick<PollVote, 'choices'> | undefined> {
  // server rights: the voter's own vote, by their key; only its choice is returned
  const result = await payload.find({
    collection: 'poll-votes',
    where: { and: [{ poll: { equals: pollId } }, { voterKey: { equals: voterKey } }] },
    select: { choices: true },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return result.docs[0]
}
