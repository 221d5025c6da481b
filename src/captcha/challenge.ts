import { createChallenge, extractParams, verifySolution } from 'altcha-lib'
import crypto from 'node:crypto'

/**
 * The self-hosted captcha (ALTCHA: an HMAC-signed proof of work solved by the browser), shared by
 * every public form. A challenge is bound to parameters (a poll and a voter, a form and a site) and
 * expires; a solution is checked against the same parameters. Whether it was used before is the
 * database's part: the returned key goes into a unique column in the same transaction as the write.
 */

/** A challenge is valid for this long after it was issued (at most 10 minutes by design). */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000

export type IssuedChallenge = Awaited<ReturnType<typeof createChallenge>>
export type ChallengeParams = Record<string, string>

export type SolutionCheck =
  | { ok: true; key: string; expiresAt: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'invalid' | 'expired' | 'mismatch' }

export function issueBoundChallenge(hmacKey: string, params: ChallengeParams, maxNumber: number, now = Date.now()): Promise<IssuedChallenge> {
  return createChallenge({ hmacKey, maxNumber, expires: new Date(now + CHALLENGE_TTL_MS), params })
}

/** The key under which a used challenge is recorded (unique in the database). */
export function usedChallengeKey(challenge: string): string {
  return crypto.createHash('sha256').update(challenge).digest('base64url')
}

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

/** Checks the signature and proof of work (altcha-lib), the expiry, and that every expected parameter matches. */
export async function checkBoundSolution(hmacKey: string, raw: unknown, expected: ChallengeParams, now = Date.now()): Promise<SolutionCheck> {
  if (raw === undefined || raw === '') return { ok: false, reason: 'missing' }
  const solution = decode(raw)
  if (!solution) return { ok: false, reason: 'malformed' }
  if (!(await verifySolution(solution, hmacKey, false))) return { ok: false, reason: 'invalid' }
  const params = extractParams(solution)
  const expires = Number(params.expires) * 1000
  if (!Number.isFinite(expires) || expires <= now) return { ok: false, reason: 'expired' }
  if (Object.entries(expected).some(([name, value]) => params[name] !== value)) return { ok: false, reason: 'mismatch' }
  return { ok: true, key: usedChallengeKey(solution.challenge), expiresAt: new Date(expires) }
}
