/** The handling steps of a citizen's question, and how the asker's name may appear when published. */
export const QUESTION_STATUSES = ['new', 'assigned', 'answered', 'approved', 'published', 'rejected'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

export const STATUS_LABELS: Record<QuestionStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới tiếp nhận', en: 'New' },
  assigned: { vi: 'Đã giao đơn vị', en: 'Assigned' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  published: { vi: 'Đã công bố', en: 'Published' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
}

export const NAME_DISPLAYS = ['initials', 'full', 'anonymous'] as const
export type NameDisplay = (typeof NAME_DISPLAYS)[number]

/** What a citizen sent: a question ("Hỏi đáp", answered and maybe published) or feedback ("Góp ý", handled, never published). */
export const SUBMISSION_KINDS = ['question', 'feedback'] as const
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number]

export const KIND_LABELS: Record<SubmissionKind, { vi: string; en: string }> = {
  question: { vi: 'Câu hỏi', en: 'Question' },
  feedback: { vi: 'Góp ý', en: 'Feedback' },
}
