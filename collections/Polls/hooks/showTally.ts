import type { CollectionAfterReadHook } from 'payload'

import type { Poll } from '../../../src/payload-types.ts'

import { hasRole } from '../../../src/access/roles.ts'
import { describeTally, tallyPoll } from '../../../src/polls/tally.ts'

/** Staff opening one poll see its live tally; lists and readers skip the count queries. */
export const showTally: CollectionAfterReadHook<Poll> = async ({ doc, req, findMany }) => {
  if (findMany || !hasRole(req.user, 'admin', 'editor', 'pollModerator')) return doc
  // Outside any transaction of the request: the counts run in parallel, which one transaction's
  // connection cannot do.
  const tally = await tallyPoll(req.payload, doc)
  return { ...doc, tally: describeTally(doc, tally) }
}
