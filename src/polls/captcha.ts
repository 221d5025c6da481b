import type { PollKeys } from './keys.ts'

import { type IssuedChallenge, checkBoundSolution, issueBoundChallenge } from '../captcha/challenge.ts'

const bindings = (keys: PollKeys, pollId: number | string, voterKey: string) => ({ poll: String(pollId), voter: keys.voterTag(voterKey) })

/** An ALTCHA proof-of-work challenge bound to one poll and one voter, with an expiry. */
export function issueChallenge(keys: PollKeys, pollId: number | string, voterKey: string, maxNumber: number, now = Date.now()): Promise<IssuedChallenge> {
  return issueBoundChallenge(keys.captchaKey, bindings(keys, pollId, voterKey), maxNumber, now)
}

export type CaptchaCheck = { ok: true; key: string; expiresAt: Date } | { ok: false; reason: 'missing' | 'malformed' | 'invalid' | 'expired' | 'other-poll' }

/**
 * Checks a solution: genuine, unexpired, and issued for this poll and this voter. Whether it was
 * used before is the database's part: the returned key goes into a unique column in the vote's
 * transaction.
 */
export async function checkSolution(keys: PollKeys, raw: unknown, pollId: number | string, voterKey: string, now = Date.now()): Promise<CaptchaCheck> {
  const check = await checkBoundSolution(keys.captchaKey, raw, bindings(keys, pollId, voterKey), now)
  if (check.ok) return check
  return { ok: false, reason: check.reason === 'mismatch' ? 'other-poll' : check.reason }
}
