import type { Field } from 'payload'

import { writersField } from '../../src/access/rules.ts'
import { articleEditor } from '../../src/richText/editor.ts'
import { REVIEW_STATES } from '../Articles/fields.ts'

const siteId = (site: unknown) => (site && typeof site === 'object' ? (site as { id: unknown }).id : site)
const sameSite = ({ data }: { data?: { site?: unknown } }) => (data?.site ? { site: { equals: siteId(data.site) } } : true)

/** Dates and times are entered and shown in Vietnam's time (the admin's default time zone). */
const dayAndTime = { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm', timeFormat: 'HH:mm' } } as const

/** The close date comes after the open date. */
function afterOpening(value: unknown, { siblingData }: { siblingData: Partial<{ opensAt: unknown }> }): true | string {
  if (!value || !siblingData?.opensAt) return true
  return new Date(String(value)).getTime() > new Date(String(siblingData.opensAt)).getTime() ? true : 'Ngày kết thúc phải sau ngày bắt đầu lấy ý kiến.'
}

export const consultationFields: Field[] = [
  { name: 'title', type: 'text', required: true, maxLength: 300, label: { vi: 'Tên dự thảo', en: 'Title' } },
  {
    type: 'row',
    fields: [
      { name: 'draftingUnit', type: 'relationship', relationTo: 'units', filterOptions: sameSite, label: { vi: 'Cơ quan chủ trì soạn thảo', en: 'Drafting unit' } },
      {
        name: 'draftingBody',
        type: 'text',
        maxLength: 200,
        label: { vi: 'Cơ quan soạn thảo (nếu không có trong cơ cấu tổ chức)', en: 'Drafting body (when not one of the units)' },
      },
    ],
  },
  { name: 'summary', type: 'textarea', required: true, maxLength: 5000, label: { vi: 'Tóm tắt nội dung dự thảo', en: 'Summary' } },
  { name: 'files', type: 'upload', relationTo: 'document-files', hasMany: true, filterOptions: sameSite, label: { vi: 'Tệp dự thảo', en: 'Draft files' } },
  {
    type: 'row',
    fields: [
      { name: 'opensAt', type: 'date', required: true, index: true, label: { vi: 'Bắt đầu lấy ý kiến', en: 'Opens' }, admin: dayAndTime },
      { name: 'closesAt', type: 'date', required: true, index: true, validate: afterOpening, label: { vi: 'Kết thúc lấy ý kiến', en: 'Closes' }, admin: dayAndTime },
    ],
  },
  {
    name: 'points',
    type: 'array',
    label: { vi: 'Nội dung xin ý kiến', en: 'Points consulted on' },
    labels: { singular: { vi: 'Nội dung', en: 'Point' }, plural: { vi: 'Nội dung xin ý kiến', en: 'Points' } },
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 200, label: { vi: 'Tiêu đề', en: 'Title' } },
      { name: 'text', type: 'textarea', maxLength: 5000, label: { vi: 'Nội dung', en: 'Text' } },
    ],
  },
  {
    name: 'report',
    type: 'richText',
    editor: articleEditor,
    label: { vi: 'Báo cáo tiếp thu, giải trình', en: "The agency's summary of the comments" },
    admin: { description: { vi: 'Hiển thị trên trang sau khi kết thúc lấy ý kiến.', en: 'Shown once the consultation has closed.' } },
  },
  {
    name: 'slug',
    type: 'text',
    index: true,
    maxLength: 120,
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    admin: { position: 'sidebar', description: { vi: 'Tự tạo từ tên dự thảo', en: 'Made from the title' } },
  },
  { name: 'reviewState', type: 'select', defaultValue: 'drafting', index: true, options: REVIEW_STATES, label: { vi: 'Duyệt', en: 'Review' }, access: { read: writersField }, admin: { position: 'sidebar' } },
]
