import type { Payload } from 'payload'

import type { PollKeys } from './keys.ts'

import { env } from '../config/env.ts'
import { createPollKeys } from './keys.ts'

export const RATE_WINDOW_MS = 10 * 60 * 1000

export type PollSettings = {
  /** ALTCHA's maxnumber: the client tries on average half of it (docs/polls.md). */
  captchaMaxNumber: number
  /** Attempts from one address on one poll within the window after which votes are flagged. */
  flagAfter: number
  /** Attempts after which the address is refused with 429 until the window ends. */
  blockAfter: number
}

/** What the poll endpoints share in one process: keys derived from the secret, and the limits. */
export type PollService = { payload: Payload; keys: PollKeys; settings: PollSettings }

export function createPollService(payload: Payload, settings: PollSettings = env().polls): PollService {
  return { payload, keys: createPollKeys(payload.secret), settings }
}
