import type { Payload, PayloadRequest } from 'payload'

import type { Site } from '../payload-types.ts'
import type { FeedbackFormErrors, FeedbackFormValues, ValidFeedback } from './feedbackForm.ts'
import type { ParticipationService } from './service.ts'

import { readFeedbackForm, validateFeedback } from './feedbackForm.ts'
import { counterKey, ensureCounter, nextReference } from './reference.ts'
import { checkFormCaptcha, countSubmission, formChallenge, REPLAY_MESSAGE, storeReceived, storeWithChallenge } from './submission.ts'

export const FEEDBACK_FORM = 'feedback'

export type FeedbackInput = { site: Site; body: Record<string, unknown>; ip: string }

export type FeedbackOutcome =
  | { outcome: 'accepted'; status: 201; reference: string; flagged: boolean }
  | { outcome: 'invalid'; status: 400; values: FeedbackFormValues; errors: FeedbackFormErrors }
  | { outcome: 'rate-limited'; status: 429; values: FeedbackFormValues; message: string; retryAfterSeconds: number }

/** The captcha of the feedback form of one site. */
export const feedbackChallenge = (service: ParticipationService, site: Site) => formChallenge(service, FEEDBACK_FORM, site)

/**
 * Takes one piece of feedback, as a question is taken: the address limit, every field, the captcha
 * of this form and site, then in one transaction the used challenge, the next "GY-" reference of
 * the site and year, and the item (kind `feedback`, no field, no follow-up link).
 */
export async function submitFeedback(service: ParticipationService, input: FeedbackInput, now = new Date()): Promise<FeedbackOutcome> {
  const { payload } = service
  const values = readFeedbackForm(input.body)
  const { ipHash, limited } = countSubmission(service, FEEDBACK_FORM, input.site, input.ip, now)
  if (limited) {
    const message = 'Địa chỉ mạng của bạn đã gửi quá nhiều góp ý trong một giờ. Vui lòng thử lại sau.'
    return { outcome: 'rate-limited', status: 429, values, message, retryAfterSeconds: limited.retryAfterSeconds }
  }

  const { feedback, errors } = validateFeedback(values)
  const captcha = await checkFormCaptcha(service, FEEDBACK_FORM, input.site, input.body.altcha, now)
  if (!captcha.ok) errors.altcha = captcha.message
  if (!feedback || !captcha.ok) return { outcome: 'invalid', status: 400, values, errors }

  await ensureCounter(payload, counterKey(input.site.id, now, 'feedback'))
  const stored = await storeWithChallenge(service, FEEDBACK_FORM, captcha, now, (req) => storeFeedback(payload, req, input.site, feedback, ipHash, now))
  if (stored === 'replay') return { outcome: 'invalid', status: 400, values, errors: { altcha: REPLAY_MESSAGE } }
  return { outcome: 'accepted', status: 201, reference: stored.reference, flagged: Boolean(feedback.flagReason) }
}

/** Writes received feedback into the questions' queue with the next "GY-" reference, in `req`'s transaction. */
export async function storeFeedback(payload: Payload, req: PayloadRequest, site: Site, feedback: ValidFeedback, ipHash: string | undefined, now: Date): Promise<{ reference: string }> {
  const reference = await nextReference(payload, req, site.id, now, 'feedback')
  await storeReceived(payload, req, {
    site: site.id,
    kind: 'feedback',
    reference,
    status: 'new',
    receivedAt: now.toISOString(),
    title: feedback.subject,
    body: feedback.message,
    askerName: feedback.senderName,
    email: feedback.email,
    phone: feedback.phone,
    // Feedback is never published; the name is kept for the staff only.
    nameDisplay: 'anonymous',
    flagged: Boolean(feedback.flagReason),
    flagReason: feedback.flagReason,
    ipHash,
  })
  return { reference }
}
