import type { Payload } from 'payload'

import type { RateLimiter } from './rateLimit.ts'
import type { FormKeys } from './keys.ts'

import { env } from '../config/env.ts'
import { createQuestionFieldList, type QuestionFieldList } from './fieldList.ts'
import { createRateLimiter } from './rateLimit.ts'
import { createFormKeys } from './keys.ts'

export const QUESTION_WINDOW_MS = 60 * 60 * 1000

export type ParticipationSettings = { limitPerHour: number; captchaMaxNumber: number }

/** What the citizens' forms share in one process: keys derived from the secret, and the per-address limiter. */
export type ParticipationService = { payload: Payload; keys: FormKeys; limiter: RateLimiter; settings: ParticipationSettings; fields: QuestionFieldList }

export function createParticipationService(
  payload: Payload,
  settings: ParticipationSettings = { limitPerHour: env().questionLimitPerHour, captchaMaxNumber: env().formCaptchaMaxNumber },
): ParticipationService {
  return { payload, keys: createFormKeys(payload.secret), limiter: createRateLimiter(QUESTION_WINDOW_MS), settings, fields: createQuestionFieldList(payload) }
}
