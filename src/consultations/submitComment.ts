import type { Payload, PayloadRequest } from 'payload'

import type { ParticipationService } from '../participation/service.ts'
import type { Site } from '../payload-types.ts'
import type { PublicConsultation } from '../site/readModel/records.ts'
import type { CommentFormErrors, CommentFormValues, ValidComment } from './commentForm.ts'

import { checkFormCaptcha, countSubmission, formChallenge, REPLAY_MESSAGE, storeWithChallenge } from '../participation/submission.ts'
import { isOpen, readCommentForm, validateComment } from './commentForm.ts'

export const COMMENT_FORM = 'consultation-comment'

export const CLOSED_MESSAGE = 'Dự thảo này không trong thời gian lấy ý kiến, nên không nhận thêm góp ý.'

export type CommentInput = { site: Site; consultation: PublicConsultation; body: Record<string, unknown>; ip: string }

export type CommentOutcome =
  | { outcome: 'accepted'; status: 201; id: number | string }
  | { outcome: 'invalid'; status: 400; values: CommentFormValues; errors: CommentFormErrors }
  | { outcome: 'closed'; status: 403; values: CommentFormValues; message: string }
  | { outcome: 'rate-limited'; status: 429; values: CommentFormValues; message: string; retryAfterSeconds: number }

/** The captcha of the comment form of one site (one for all its drafts). */
export const commentChallenge = (service: ParticipationService, site: Site) => formChallenge(service, COMMENT_FORM, site)

/**
 * Takes one comment on a published draft, as a question is taken (src/participation): the comment
 * period, the address limit, every field, the captcha of this form and site, then in one
 * transaction the used challenge and the comment (status "new": published once approved).
 */
export async function submitComment(service: ParticipationService, input: CommentInput, now = new Date()): Promise<CommentOutcome> {
  const values = readCommentForm(input.body)
  if (!isOpen(input.consultation, now)) return { outcome: 'closed', status: 403, values, message: CLOSED_MESSAGE }
  const { ipHash, limited } = countSubmission(service, COMMENT_FORM, input.site, input.ip, now)
  if (limited) {
    const message = 'Địa chỉ mạng của bạn đã gửi quá nhiều ý kiến trong một giờ. Vui lòng thử lại sau.'
    return { outcome: 'rate-limited', status: 429, values, message, retryAfterSeconds: limited.retryAfterSeconds }
  }

  const { comment, errors } = validateComment(values, input.consultation.points)
  const captcha = await checkFormCaptcha(service, COMMENT_FORM, input.site, input.body.altcha, now)
  if (!captcha.ok) errors.altcha = captcha.message
  if (!comment || !captcha.ok) return { outcome: 'invalid', status: 400, values, errors }

  const stored = await storeWithChallenge(service, COMMENT_FORM, captcha, now, (req) => storeComment(service.payload, req, input, comment, ipHash, now))
  if (stored === 'replay') return { outcome: 'invalid', status: 400, values, errors: { altcha: REPLAY_MESSAGE } }
  return { outcome: 'accepted', status: 201, id: stored }
}

/** Writes a received comment in `req`'s transaction. */
async function storeComment(payload: Payload, req: PayloadRequest, input: CommentInput, comment: ValidComment, ipHash: string, now: Date): Promise<number | string> {
  // server rights: comments are created here only (create access is nobody); nothing is read back
  const created = await payload.create({
    collection: 'consultation-comments',
    data: {
      site: input.site.id,
      consultation: input.consultation.id as number,
      point: comment.point?.id,
      pointTitle: comment.point?.title,
      status: 'new',
      receivedAt: now.toISOString(),
      name: comment.name,
      organisation: comment.organisation,
      email: comment.email,
      phone: comment.phone,
      comment: comment.comment,
      ipHash,
    },
    req,
    overrideAccess: true,
    depth: 0,
    select: {},
  })
  return created.id
}
