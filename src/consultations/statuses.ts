/** A comment on a draft: new until an editor approves it (then it is published) or rejects it. */
export const COMMENT_STATUSES = ['new', 'approved', 'rejected'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const COMMENT_STATUS_LABELS: Record<CommentStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới nhận', en: 'New' },
  approved: { vi: 'Đã duyệt, công bố', en: 'Approved' },
  rejected: { vi: 'Không công bố', en: 'Rejected' },
}
