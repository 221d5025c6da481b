import type { Payload, PayloadRequest } from 'payload'

import type { Site } from '../payload-types.ts'
import type { QuestionFormErrors, QuestionFormValues, ValidQuestion } from './questionForm.ts'
import type { ParticipationService } from './service.ts'
import type { ReceivedSubmission } from './submission.ts'

import type { ReceivedFile } from './attachments.ts'

import { env } from '../config/env.ts'
import { checkAttachments, removeAttachmentFiles, storeAttachments } from './attachments.ts'
import { attachmentsDir } from './storage.ts'
import { newFollowUpToken } from './keys.ts'
import { readQuestionForm, validateQuestion } from './questionForm.ts'
import { counterKey, ensureCounter, nextReference } from './reference.ts'
import { checkFormCaptcha, countSubmission, formChallenge, receivedId, REPLAY_MESSAGE, storeReceived, storeWithChallenge } from './submission.ts'

export const QUESTION_FORM = 'question'

export type SubmitInput = {
  site: Site
  body: Record<string, unknown>
  fieldIds: string[]
  ip: string
  /** Files sent with the form (a multipart form), and whether more than the limit were sent. */
  files?: ReceivedFile[]
  tooManyFiles?: boolean
}

export type SubmitOutcome =
  | { outcome: 'accepted'; status: 201; reference: string; token: string; flagged: boolean }
  | { outcome: 'invalid'; status: 400; values: QuestionFormValues; errors: QuestionFormErrors }
  | { outcome: 'rate-limited'; status: 429; values: QuestionFormValues; message: string; retryAfterSeconds: number }

/** The captcha of the question form of one site. */
export const questionChallenge = (service: ParticipationService, site: Site) => formChallenge(service, QUESTION_FORM, site)

/**
 * Takes one question. Phases: the address is under its hourly limit; every field and attached
 * file is valid; the captcha is genuine, unexpired and issued for this form and site; then, in one
 * transaction, the used challenge (its unique key refuses a replay), the next reference of the site
 * and year, the question with the hash of a new follow-up token, and its attachments. Nothing is
 * written unless all of it is (the attachments' files are removed again when the transaction fails).
 */
export async function submitQuestion(service: ParticipationService, input: SubmitInput, now = new Date()): Promise<SubmitOutcome> {
  const { payload } = service
  const values = readQuestionForm(input.body)
  const { ipHash, limited } = countSubmission(service, QUESTION_FORM, input.site, input.ip, now)
  if (limited) {
    const message = 'Địa chỉ mạng của bạn đã gửi quá nhiều câu hỏi trong một giờ. Vui lòng thử lại sau.'
    return { outcome: 'rate-limited', status: 429, values, message, retryAfterSeconds: limited.retryAfterSeconds }
  }

  const { question, errors } = validateQuestion(values, input.fieldIds)
  const { attachments, error: attachmentError } = await checkAttachments(input.files ?? [], input.tooManyFiles ?? false, env().questionAttachmentMaxBytes)
  if (attachmentError) errors.attachments = attachmentError
  const captcha = await checkFormCaptcha(service, QUESTION_FORM, input.site, input.body.altcha, now)
  if (!captcha.ok) errors.altcha = captcha.message
  if (!question || !captcha.ok || attachmentError) return { outcome: 'invalid', status: 400, values, errors }

  await ensureCounter(payload, counterKey(input.site.id, now))
  const { token, hash } = newFollowUpToken()
  const filesDir = attachmentsDir(env().dataDir)
  const stored = await storeWithChallenge(service, QUESTION_FORM, captcha, now, async (req) => {
    const received = await storeQuestion(payload, req, input.site, { ...question, flagged: Boolean(question.flagReason), ipHash, followUpHash: hash }, now)
    if (attachments.length > 0) await storeAttachments(payload, req, input.site, await receivedId(payload, req, input.site.id, received.reference), attachments)
    return received
  }).catch(async (error: unknown) => {
    await removeAttachmentFiles(filesDir, attachments)
    throw error
  })
  if (stored === 'replay') await removeAttachmentFiles(filesDir, attachments)
  if (stored === 'replay') return { outcome: 'invalid', status: 400, values, errors: { altcha: REPLAY_MESSAGE } }
  return { outcome: 'accepted', status: 201, reference: stored.reference, token, flagged: Boolean(question.flagReason) }
}

export type NewQuestion = Omit<ValidQuestion, 'field'> & { field: number | string; flagged: boolean; ipHash?: string; followUpHash: string }

/**
 * Writes a received question with the next reference of its site and year, in `req`'s transaction
 * (the caller has made sure the year's counter exists).
 */
export async function storeQuestion(payload: Payload, req: PayloadRequest, site: Site, question: NewQuestion, now: Date): Promise<{ reference: string }> {
  const reference = await nextReference(payload, req, site.id, now)
  await storeReceived(payload, req, receivedQuestion(site, question, reference, now))
  return { reference }
}

/** The record of a received question, as the form stores it. */
export function receivedQuestion(site: Site, question: NewQuestion, reference: string, now: Date): ReceivedSubmission {
  return {
    site: site.id,
    kind: 'question',
    reference,
    status: 'new',
    receivedAt: now.toISOString(),
    // Ids are numbers on SQL databases, strings on MongoDB; the form sends them as text.
    field: (/^\d+$/.test(String(question.field)) ? Number(question.field) : question.field) as number,
    title: question.title,
    body: question.body,
    askerName: question.askerName,
    email: question.email,
    phone: question.phone,
    address: question.address,
    nameDisplay: question.nameDisplay,
    flagged: question.flagged,
    flagReason: question.flagReason,
    ipHash: question.ipHash,
    followUpHash: question.followUpHash,
  }
}
