import type { CollectionAfterReadHook, CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { Question } from '../../../src/payload-types.ts'
import { type QuestionStatus, STATUS_LABELS } from '../../../src/participation/statuses.ts'

import { hasRole } from '../../../src/access/roles.ts'
import { env } from '../../../src/config/env.ts'
import { describeChanges } from '../../../src/participation/history.ts'
import { workingDaysBetween } from '../../../src/participation/workingDays.ts'

/** The steps a question may take; anything else is refused with a message on the status field. */
const NEXT: Record<QuestionStatus, QuestionStatus[]> = {
  new: ['assigned', 'rejected'],
  assigned: ['answered', 'rejected', 'new'],
  answered: ['approved', 'assigned', 'rejected'],
  approved: ['published', 'answered'],
  published: ['approved'],
  rejected: ['new'],
}

/**
 * A refused change: 400 with the Vietnamese message itself (the admin shows it as is; a
 * ValidationError's field list does not survive the REST handler's own copy of Payload's classes).
 */
/** Feedback ("Góp ý") is handled like a question but never approved for publishing nor published. */
const NEVER_FOR_FEEDBACK: QuestionStatus[] = ['approved', 'published']

const refuse = (path: string, message: string) => new APIError(message, 400, { errors: [{ path, message }] }, true)

/**
 * Status changes follow the handling steps; an answer stamps who answered and when (and moves an
 * assigned question to answered); publishing stamps the date; every change goes into the history.
 */
export const applyHandling: CollectionBeforeChangeHook<Question> = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const now = new Date().toISOString()
  const answer = data.answer ?? originalDoc.answer
  if (data.answer !== undefined && (data.answer ?? '') !== (originalDoc.answer ?? '')) {
    data.answeredBy = req.user?.id as number | undefined
    data.answeredAt = now
    const statusKept = (data.status ?? originalDoc.status) === originalDoc.status
    if (hasRole(req.user, 'answerer') || (originalDoc.status === 'assigned' && statusKept)) data.status = 'answered'
  }
  const from = originalDoc.status as QuestionStatus
  const to = (data.status ?? from) as QuestionStatus
  const kind = originalDoc.kind ?? 'question'
  if (kind === 'feedback' && to !== from && NEVER_FOR_FEEDBACK.includes(to)) throw refuse('status', 'Góp ý không được duyệt công bố hay công bố trên trang.')
  if (to !== from && !NEXT[from].includes(to)) throw refuse('status', `Không thể chuyển từ "${STATUS_LABELS[from].vi}" sang "${STATUS_LABELS[to]?.vi ?? to}".`)
  if (kind === 'question' && 'field' in data && !data.field) throw refuse('field', 'Vui lòng chọn lĩnh vực của câu hỏi.')
  if (to === 'assigned' && !(data.assignedUnit ?? originalDoc.assignedUnit)) throw refuse('assignedUnit', 'Vui lòng nhập đơn vị được giao.')
  if (['answered', 'approved', 'published'].includes(to) && !answer?.trim()) throw refuse('answer', 'Câu hỏi chưa có nội dung trả lời.')
  if (to === 'rejected' && !(data.rejectionReason ?? originalDoc.rejectionReason)?.trim()) throw refuse('rejectionReason', 'Vui lòng nêu lý do từ chối.')
  if (to === 'published' && from !== 'published') data.publishedAt = now
  const changes = describeChanges(originalDoc, { ...data, status: to })
  if (changes.length > 0) {
    data.history = [...(originalDoc.history ?? []), ...changes.map((change) => ({ at: now, by: req.user?.id as number | undefined, change }))]
  }
  return data
}

/** Days since received and the overdue marker, computed when read (never stored). */
export const addDeadline: CollectionAfterReadHook<Question> = ({ doc }) => {
  if (!doc.receivedAt) return doc
  doc.workingDaysOpen = workingDaysBetween(new Date(doc.receivedAt), new Date())
  doc.overdue = ['new', 'assigned'].includes(doc.status) && doc.workingDaysOpen > env().questionDeadlineWorkingDays
  return doc
}
