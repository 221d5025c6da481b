import type { ContactValues } from '../participation/questionForm.ts'
import type { ConsultationPoint } from '../site/readModel/records.ts'

import { checkContact, formReader, LIMITS } from '../participation/questionForm.ts'

/** The comment form's fields as sent (names of the HTML inputs). */
export type CommentFormValues = ContactValues & { organisation: string; point: string; comment: string }

export type CommentFormErrors = Partial<Record<keyof CommentFormValues | 'altcha', string>>

export type ValidComment = { name: string; organisation?: string; email?: string; phone?: string; point?: ConsultationPoint; comment: string }

export const COMMENT_LIMITS = { name: LIMITS.name, email: LIMITS.email, phone: LIMITS.phone, organisation: 200, commentMin: 10, comment: 5000 } as const

export function readCommentForm(body: Record<string, unknown>): CommentFormValues {
  const { text } = formReader(body)
  return {
    name: text('name', COMMENT_LIMITS.name),
    organisation: text('organisation', COMMENT_LIMITS.organisation),
    email: text('email', COMMENT_LIMITS.email),
    phone: text('phone', COMMENT_LIMITS.phone),
    point: text('point', 40),
    comment: text('comment', COMMENT_LIMITS.comment, true),
  }
}

/** Checks every field against the draft's points; each error is the Vietnamese message shown next to it. */
export function validateComment(values: CommentFormValues, points: ConsultationPoint[]): { comment?: ValidComment; errors: CommentFormErrors } {
  const errors: CommentFormErrors = {}
  const phone = checkContact(values, errors)
  if (values.organisation.length > COMMENT_LIMITS.organisation) errors.organisation = `Tên cơ quan, tổ chức không quá ${COMMENT_LIMITS.organisation} ký tự.`
  const point = values.point ? points.find((candidate) => candidate.id === values.point) : undefined
  if (values.point && !point) errors.point = 'Vui lòng chọn một nội dung xin ý kiến trong danh sách (hoặc để trống: góp ý chung).'
  const { commentMin, comment } = COMMENT_LIMITS
  if (values.comment.length < commentMin) errors.comment = `Vui lòng nhập nội dung góp ý (ít nhất ${commentMin} ký tự).`
  else if (values.comment.length > comment) errors.comment = `Nội dung góp ý không quá ${comment} ký tự.`
  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    comment: { name: values.name, organisation: values.organisation || undefined, email: values.email || undefined, phone: phone || undefined, point, comment: values.comment },
  }
}

export const emptyCommentForm = (): CommentFormValues => ({ name: '', organisation: '', email: '', phone: '', point: '', comment: '' })

/** Whether comments are taken at `now`: from the open date up to (not including) the close date. */
export function isOpen(consultation: { opensAt: string; closesAt: string }, now: Date): boolean {
  const at = now.getTime()
  return new Date(consultation.opensAt).getTime() <= at && at < new Date(consultation.closesAt).getTime()
}

export const hasClosed = (consultation: { closesAt: string }, now: Date) => now.getTime() >= new Date(consultation.closesAt).getTime()
