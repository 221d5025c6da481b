/** What an audit entry records; labels for the admin and the CSV export. */
export const AUDIT_ACTIONS = {
  create: { vi: 'Tạo mới', en: 'Create' },
  update: { vi: 'Sửa', en: 'Update' },
  publish: { vi: 'Xuất bản', en: 'Publish' },
  unpublish: { vi: 'Gỡ xuất bản', en: 'Unpublish' },
  schedule: { vi: 'Hẹn giờ', en: 'Schedule' },
  delete: { vi: 'Xóa', en: 'Delete' },
  signIn: { vi: 'Đăng nhập', en: 'Sign-in' },
  signInFailed: { vi: 'Đăng nhập thất bại', en: 'Failed sign-in' },
  pollVoid: { vi: 'Hủy phiếu', en: 'Void votes' },
  pollRestore: { vi: 'Khôi phục phiếu', en: 'Restore votes' },
  import: { vi: 'Nhập dữ liệu', en: 'Import' },
  restore: { vi: 'Khôi phục sao lưu', en: 'Restore backup' },
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

export const AUDIT_COLLECTION = 'audit-entries'
