import type { Field } from 'payload'

import { KIND_LABELS, QUESTION_STATUSES, STATUS_LABELS, SUBMISSION_KINDS } from '../../src/participation/statuses.ts'
import { ORGANISATION_UNIT, questionSite, unitsOfSites } from '../../src/organisation/unitAssignment.ts'
import { contactReaders, handlersOnlyField, nobodyField } from './access/questionRules.ts'

const handlersOnly = { create: handlersOnlyField, update: handlersOnlyField }
const contact = { read: contactReaders, create: handlersOnlyField, update: handlersOnlyField }
const systemOnly = { create: nobodyField, update: nobodyField }

export const questionFields: Field[] = [
  { name: 'reference', type: 'text', required: true, index: true, access: systemOnly, label: { vi: 'Số hiệu', en: 'Reference' }, admin: { readOnly: true } },
  {
    name: 'kind',
    type: 'select',
    required: true,
    defaultValue: 'question',
    index: true,
    access: systemOnly,
    label: { vi: 'Loại', en: 'Kind' },
    options: SUBMISSION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'new',
    index: true,
    access: handlersOnly,
    label: { vi: 'Trạng thái', en: 'Status' },
    options: QUESTION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
    admin: { position: 'sidebar' },
  },
  {
    name: 'rejectionReason',
    type: 'textarea',
    access: handlersOnly,
    label: { vi: 'Lý do từ chối', en: 'Rejection reason' },
    admin: { position: 'sidebar', condition: (data) => data?.status === 'rejected' },
  },
  {
    name: ORGANISATION_UNIT,
    type: 'relationship',
    relationTo: 'units',
    index: true,
    access: handlersOnly,
    filterOptions: unitsOfSites(questionSite),
    label: { vi: 'Đơn vị được giao', en: 'Assigned unit' },
    admin: {
      position: 'sidebar',
      allowCreate: false,
      description: { vi: 'Chọn trong cơ cấu tổ chức của trang; để trống nếu giao cơ quan bên ngoài.', en: "From the site's organisation; empty for a body outside it." },
    },
  },
  // The name answerers' access compares: copied from the chosen unit, or written for a body outside the organisation.
  {
    name: 'assignedUnit',
    type: 'text',
    maxLength: 200,
    index: true,
    access: handlersOnly,
    label: { vi: 'Tên đơn vị được giao', en: 'Assigned unit (name)' },
    admin: { position: 'sidebar', condition: (data) => !data?.[ORGANISATION_UNIT], description: { vi: 'Chỉ ghi khi giao cơ quan ngoài cơ cấu tổ chức.', en: 'Only for a body outside the organisation.' } },
  },
  { name: 'receivedAt', type: 'date', required: true, index: true, access: systemOnly, label: { vi: 'Ngày tiếp nhận', en: 'Received' }, admin: { position: 'sidebar', readOnly: true } },
  {
    name: 'workingDaysOpen',
    type: 'number',
    virtual: true,
    label: { vi: 'Số ngày làm việc từ khi nhận', en: 'Working days since received' },
    admin: { position: 'sidebar', readOnly: true },
  },
  { name: 'overdue', type: 'checkbox', virtual: true, label: { vi: 'Quá hạn trả lời', en: 'Overdue' }, admin: { position: 'sidebar', readOnly: true } },
  // When the site's editors were told the question is past its deadline (src/participation/overdueReminder.ts).
  { name: 'overdueRemindedAt', type: 'date', access: systemOnly, label: { vi: 'Đã nhắc quá hạn lúc', en: 'Overdue reminder sent' }, admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.overdueRemindedAt) } },
  { name: 'flagged', type: 'checkbox', defaultValue: false, access: handlersOnly, label: { vi: 'Cần xem xét (nghi spam)', en: 'Flagged for review' }, admin: { position: 'sidebar' } },
  { name: 'flagReason', type: 'text', access: systemOnly, label: { vi: 'Lý do gắn cờ', en: 'Flag reason' }, admin: { position: 'sidebar', readOnly: true } },
  // A question has a field ("lĩnh vực"); feedback has none (the form that creates each checks it).
  {
    name: 'field',
    type: 'relationship',
    relationTo: 'question-fields',
    index: true,
    access: handlersOnly,
    label: { vi: 'Lĩnh vực', en: 'Field' },
    admin: { condition: (data) => data?.kind !== 'feedback' },
  },
  { name: 'title', type: 'text', required: true, maxLength: 200, access: handlersOnly, label: { vi: 'Tiêu đề', en: 'Title' } },
  { name: 'body', type: 'textarea', required: true, maxLength: 5000, access: handlersOnly, label: { vi: 'Nội dung câu hỏi', en: 'Question' } },
  // Files the asker attached (at most three, stored with the question); shown to whoever may read them.
  {
    name: 'attachments',
    type: 'join',
    collection: 'question-attachments',
    on: 'question',
    label: { vi: 'Tệp đính kèm', en: 'Attachments' },
    admin: { defaultColumns: ['originalName', 'mimeType', 'filesize'], allowCreate: false },
  },
  {
    type: 'collapsible',
    label: { vi: 'Người hỏi (thông tin cá nhân, không công bố)', en: 'Asker (personal data, never published)' },
    fields: [
      { name: 'askerName', type: 'text', required: true, maxLength: 100, access: contact, label: { vi: 'Họ và tên', en: 'Name' } },
      { name: 'email', type: 'text', maxLength: 254, access: contact, label: { vi: 'Thư điện tử', en: 'E-mail' } },
      { name: 'phone', type: 'text', maxLength: 20, access: contact, label: { vi: 'Điện thoại', en: 'Phone' } },
      { name: 'address', type: 'text', maxLength: 200, access: contact, label: { vi: 'Quận/huyện, địa chỉ', en: 'District, address' } },
      {
        name: 'nameDisplay',
        type: 'select',
        required: true,
        defaultValue: 'initials',
        access: systemOnly,
        label: { vi: 'Tên hiển thị khi công bố', en: 'Name shown when published' },
        options: [
          { value: 'initials', label: { vi: 'Tên viết tắt', en: 'Initials' } },
          { value: 'full', label: { vi: 'Họ và tên', en: 'Full name' } },
          { value: 'anonymous', label: { vi: 'Ẩn danh', en: 'Anonymous' } },
        ],
      },
      { name: 'ipHash', type: 'text', access: { read: contactReaders, ...systemOnly }, label: { vi: 'Mã địa chỉ IP (băm)', en: 'IP hash' }, admin: { readOnly: true } },
      // Only the hash of the follow-up link's token is stored; nobody reads it through the API.
      // Feedback gets a reference but no follow-up link, so it has none.
      { name: 'followUpHash', type: 'text', unique: true, access: { read: nobodyField, ...systemOnly }, admin: { hidden: true } },
    ],
  },
  { name: 'answer', type: 'textarea', maxLength: 20000, label: { vi: 'Nội dung trả lời', en: 'Answer' } },
  { name: 'answeredBy', type: 'relationship', relationTo: 'users', access: systemOnly, label: { vi: 'Người trả lời', en: 'Answered by' }, admin: { readOnly: true } },
  { name: 'answeredAt', type: 'date', access: systemOnly, label: { vi: 'Ngày trả lời', en: 'Answered' }, admin: { readOnly: true } },
  { name: 'publishedAt', type: 'date', index: true, access: systemOnly, label: { vi: 'Ngày công bố', en: 'Published' }, admin: { readOnly: true } },
  {
    name: 'internalNotes',
    type: 'array',
    label: { vi: 'Ghi chú nội bộ', en: 'Internal notes' },
    fields: [{ name: 'note', type: 'textarea', required: true, maxLength: 2000, label: { vi: 'Ghi chú', en: 'Note' } }],
  },
  {
    name: 'history',
    type: 'array',
    access: systemOnly,
    label: { vi: 'Lịch sử xử lý', en: 'History' },
    admin: { readOnly: true },
    fields: [
      { name: 'at', type: 'date', required: true, label: { vi: 'Thời điểm', en: 'When' } },
      { name: 'by', type: 'relationship', relationTo: 'users', label: { vi: 'Người thực hiện', en: 'Who' } },
      { name: 'change', type: 'text', required: true, label: { vi: 'Thay đổi', en: 'Change' } },
    ],
  },
]
