import type { Field, FieldAccess } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'
import { writersField } from '../../../src/access/rules.ts'

const editorsOnly: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
/** Written by the review hook only. */
const noOne: FieldAccess = () => false

/** The note shown to the reporter at the top of the edit view (first in the form). */
export const reviewNoticeField: Field = {
  name: 'reviewNotice',
  type: 'ui',
  admin: { components: { Field: '/src/admin/review/ReturnedNotice.tsx#ReturnedNotice' } },
}

/** Who wrote the article, the editor's note when returning it, and the history of its review. */
export const reviewFields: Field[] = [
  {
    name: 'reviewNote',
    type: 'textarea',
    label: { vi: 'Lý do trả lại', en: 'Reason for returning' },
    access: { read: writersField, create: editorsOnly, update: editorsOnly },
    admin: {
      position: 'sidebar',
      condition: (data) => data?.reviewState === 'returned',
      description: { vi: 'Bắt buộc khi trả lại; phóng viên thấy ở đầu bài cho đến khi gửi lại', en: 'Required when returning' },
    },
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    label: { vi: 'Người viết', en: 'Written by' },
    access: { read: writersField, create: noOne, update: noOne },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'reviewHistory',
    type: 'json',
    label: { vi: 'Lịch sử duyệt', en: 'Review history' },
    access: { read: writersField, create: noOne, update: noOne },
    admin: { components: { Field: '/src/admin/review/ReviewHistory.tsx#ReviewHistory' } },
  },
]
