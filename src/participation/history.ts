import type { Question } from '../payload-types.ts'

import { type QuestionStatus, STATUS_LABELS } from './statuses.ts'

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text)

/** One line per handled field that changed, in Vietnamese, for a question's history. */
export function describeChanges(before: Partial<Question>, after: Partial<Question>): string[] {
  const lines: string[] = []
  if (after.status !== undefined && after.status !== before.status) {
    lines.push(`Trạng thái: ${STATUS_LABELS[before.status as QuestionStatus]?.vi ?? '—'} → ${STATUS_LABELS[after.status as QuestionStatus].vi}`)
  }
  if (after.assignedUnit !== undefined && (after.assignedUnit ?? '') !== (before.assignedUnit ?? '')) lines.push(`Giao đơn vị: ${after.assignedUnit || '—'}`)
  if (after.answer !== undefined && (after.answer ?? '') !== (before.answer ?? '')) lines.push(`Trả lời: ${clip(after.answer ?? '')}`)
  if (after.rejectionReason !== undefined && (after.rejectionReason ?? '') !== (before.rejectionReason ?? '')) lines.push(`Lý do từ chối: ${clip(after.rejectionReason ?? '')}`)
  if (after.title !== undefined && after.title !== before.title) lines.push('Sửa tiêu đề')
  if (after.body !== undefined && after.body !== before.body) lines.push('Sửa nội dung câu hỏi')
  const notes = (list: Question['internalNotes']) => (list ?? []).length
  if (after.internalNotes !== undefined && notes(after.internalNotes) !== notes(before.internalNotes)) lines.push('Cập nhật ghi chú nội bộ')
  return lines
}
