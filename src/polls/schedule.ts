import type { Poll } from '../payload-types.ts'

export type PollPhase = 'draft' | 'notYetOpen' | 'open' | 'closed' | 'archived'

/** Where a poll stands now: its status, narrowed by its opening and closing times. */
export function pollPhase(poll: Pick<Poll, 'closesAt' | 'opensAt' | 'status'>, now = new Date()): PollPhase {
  if (poll.status === 'draft' || poll.status === 'archived') return poll.status
  if (poll.status === 'closed') return 'closed'
  if (poll.opensAt && new Date(poll.opensAt) > now) return 'notYetOpen'
  if (poll.closesAt && new Date(poll.closesAt) <= now) return 'closed'
  return 'open'
}

/** Whether a reader may see the results: by the poll's rule, whether they voted, and its phase. */
export function resultsVisible(poll: Pick<Poll, 'closesAt' | 'opensAt' | 'showResults' | 'status'>, voted: boolean, now = new Date()): boolean {
  const phase = pollPhase(poll, now)
  if (phase === 'draft') return false
  if (phase === 'closed' || phase === 'archived') return true
  if (poll.showResults === 'always') return true
  return poll.showResults === 'afterVoting' && voted
}
