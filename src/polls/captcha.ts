import { createChallenge, extractParams, verifySolution } from 'altcha-lib'

import type { PollKeys } from './keys.ts'

/** A challenge is valid for this long after it was issued (at most 10 minutes by design). */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000

export type IssuedChallenge = Awaited<ReturnType<typeof createChallenge>>

/** An ALTCHA proof-of-work challenge bound to one poll and one voter, with an expiry. */
export function issueChallenge(keys: PollKeys, pollId: number | string, voterKey: string, maxNumber: number, now = Date.now()): Promise<IssuedChallenge> {
  return createChallenge({
    hmacKey: keys.captchaKey,
    maxNumber,
    expires: new Date(now + CHALLENGE_TTL_MS),
    params: { poll: String(pollId), voter: keys.voterTag(voterKey) },
  })
}

export type CaptchaCheck = { ok: true; key: string; expiresAt: Date } | { ok: false; reason: 'missing' | 'malformed' | 'invalid' | 'expired' | 'other-poll' }

type SolutionPayload = { algorithm: 'SHA-256'; challenge: string; number: number; salt: string; signature: string }

/** Decodes the widget's base64 JSON payload; anything else is malformed. */
function decode(raw: unknown): SolutionPayload | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return undefined
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as Record<string, unknown>
    const strings = ['challenge', 'salt', 'signature'].every((name) => typeof value[name] === 'string' && (value[name] as string).length <= 512)
    if (!strings || value.algorithm !== 'SHA-256' || !Number.isInteger(value.number)) return undefined
    return value as unknown as SolutionPayload
  } catch {
    return undefined
  }
}

/**
 * Checks a solution: the signature and the proof of work (altcha-lib), the expiry, and that it was
 * issued for this poll and this voter. Whether it was used before is the database's part: the
 * returned key goes into a unique column in the vote's transaction.
 */
export async function checkSolution(keys: PollKeys, raw: unknown, pollId: number | string, voterKey: string, now = Date.now()): Promise<CaptchaCheck> {
  if (raw === undefined || raw === '') return { ok: false, reason: 'missing' }
  const solution = decode(raw)
  if (!solution) return { ok: false, reason: 'malformed' }
  if (!(await verifySolution(solution, keys.captchaKey, false))) return { ok: false, reason: 'invalid' }
  const params = extractParams(solution)
  const expires = Number(params.expires) * 1000
  if (!Number.isFinite(expires) || expires <= now) return { ok: false, reason: 'expired' }
  if (params.poll !== String(pollId) || params.voter !== keys.voterTag(voterKey)) return { ok: false, reason: 'other-poll' }
  return { ok: true, key: keys.challengeKey(solution.challenge), expiresAt: new Date(expires) }
}
