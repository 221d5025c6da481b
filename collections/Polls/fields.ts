import type { Field } from 'payload'

export const POLL_STATUSES = ['draft', 'open', 'closed', 'archived'] as const
export const RESULT_VISIBILITY = ['always', 'afterVoting', 'afterClosing'] as const
export const PLACEMENTS = ['home', 'article', 'page'] as const

export const pollFields: Field[] = [
  { name: 'question', type: 'text', required: true, maxLength: 500, label: { vi: 'Câu hỏi', en: 'Question' } },
  {
    name: 'options',
    type: 'array',
    required: true,
    minRows: 2,
    maxRows: 20,
    label: { vi: 'Phương án trả lời', en: 'Options' },
    labels: { singular: { vi: 'Phương án', en: 'Option' }, plural: { vi: 'Phương án', en: 'Options' } },
    fields: [{ name: 'label', type: 'text', required: true, maxLength: 300, label: { vi: 'Nội dung', en: 'Label' } }],
  },
  { name: 'multiple', type: 'checkbox', defaultValue: false, label: { vi: 'Cho phép chọn nhiều phương án', en: 'Multiple choice' } },
  {
    type: 'row',
    fields: [
      { name: 'opensAt', type: 'date', label: { vi: 'Mở từ', en: 'Opens at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'closesAt', type: 'date', label: { vi: 'Đóng lúc', en: 'Closes at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    label: { vi: 'Trạng thái', en: 'Status' },
    options: [
      { value: 'draft', label: { vi: 'Nháp', en: 'Draft' } },
      { value: 'open', label: { vi: 'Đang mở', en: 'Open' } },
      { value: 'closed', label: { vi: 'Đã đóng', en: 'Closed' } },
      { value: 'archived', label: { vi: 'Lưu trữ', en: 'Archived' } },
    ],
    admin: { position: 'sidebar' },
  },
  {
    name: 'showResults',
    type: 'select',
    required: true,
    defaultValue: 'afterVoting',
    label: { vi: 'Hiện kết quả', en: 'Show results' },
    options: [
      { value: 'always', label: { vi: 'Luôn luôn', en: 'Always' } },
      { value: 'afterVoting', label: { vi: 'Sau khi bình chọn', en: 'After voting' } },
      { value: 'afterClosing', label: { vi: 'Sau khi đóng', en: 'After closing' } },
    ],
    admin: { position: 'sidebar' },
  },
  {
    name: 'placements',
    type: 'select',
    hasMany: true,
    defaultValue: ['home', 'page'],
    label: { vi: 'Hiển thị ở', en: 'Shown on' },
    options: [
      { value: 'home', label: { vi: 'Cột phải trang chủ', en: 'Home page sidebar' } },
      { value: 'article', label: { vi: 'Trang bài viết', en: 'Article pages' } },
      { value: 'page', label: { vi: 'Trang riêng', en: 'Its own page' } },
    ],
    admin: { position: 'sidebar' },
  },
  {
    name: 'tally',
    type: 'textarea',
    virtual: true,
    label: { vi: 'Kết quả (phiếu hợp lệ, trực tiếp)', en: 'Live tally (valid votes)' },
    admin: { readOnly: true, description: { vi: 'Tính từ các phiếu hợp lệ mỗi lần mở trang này.', en: 'Counted from valid votes on every read.' } },
  },
]
