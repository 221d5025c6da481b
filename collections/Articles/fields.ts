import type { Field } from 'payload'

import { writersField } from '../../src/access/rules.ts'
import { searchTextField } from '../../src/fields/searchText.ts'
import { slugField } from '../../src/fields/slug.ts'
import { articleEditor } from '../../src/richText/editor.ts'

const sameSite = ({ data }: { data?: { site?: unknown } }) =>
  data?.site ? { site: { equals: typeof data.site === 'object' ? (data.site as { id: unknown }).id : data.site } } : true

export const REVIEW_STATES = [
  { value: 'drafting', label: { vi: 'Đang soạn', en: 'Drafting' } },
  { value: 'submitted', label: { vi: 'Chờ duyệt', en: 'Submitted for review' } },
  { value: 'returned', label: { vi: 'Trả lại để sửa', en: 'Returned for changes' } },
  { value: 'approved', label: { vi: 'Đã duyệt', en: 'Approved' } },
]

export const articleFields: Field[] = [
  { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
  slugField('title'),
  { name: 'lead', type: 'textarea', label: { vi: 'Sa pô (tóm tắt)', en: 'Lead' } },
  { name: 'cover', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
  { name: 'body', type: 'richText', editor: articleEditor, label: { vi: 'Nội dung', en: 'Body' } },
  {
    name: 'footnotes',
    type: 'array',
    label: { vi: 'Chú thích cuối bài', en: 'Footnotes' },
    labels: { singular: { vi: 'Chú thích', en: 'Footnote' }, plural: { vi: 'Chú thích', en: 'Footnotes' } },
    admin: { description: { vi: 'Trong nội dung, ghi [1], [2]… để dẫn tới chú thích tương ứng', en: 'Refer to them as [1], [2]… in the body' } },
    fields: [{ name: 'text', type: 'textarea', required: true, label: { vi: 'Nội dung', en: 'Text' } }],
  },
  {
    type: 'row',
    fields: [
      { name: 'byline', type: 'text', label: { vi: 'Tác giả (ghi tên)', en: 'Byline' }, admin: { description: { vi: 'Cho cộng tác viên bên ngoài, ví dụ "Đoàn Hương - TTCNTT"', en: 'For outside contributors' } } },
      { name: 'source', type: 'text', label: { vi: 'Nguồn', en: 'Source' } },
    ],
  },
  { name: 'authors', type: 'relationship', relationTo: 'authors', hasMany: true, filterOptions: sameSite, label: { vi: 'Tác giả', en: 'Authors' } },
  {
    name: 'related',
    type: 'relationship',
    relationTo: 'articles',
    hasMany: true,
    maxRows: 6,
    filterOptions: sameSite,
    label: { vi: 'Tin liên quan', en: 'Related articles' },
    admin: { description: { vi: 'Để trống: tự lấy tin cùng chuyên mục', en: 'Empty: latest of the same category' } },
  },
  { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true, filterOptions: sameSite, label: { vi: 'Chuyên mục', en: 'Categories' }, admin: { position: 'sidebar' } },
  { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, filterOptions: sameSite, label: { vi: 'Từ khóa', en: 'Tags' }, admin: { position: 'sidebar' } },
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    label: { vi: 'Ngày đăng', en: 'Published at' },
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
  },
  { name: 'featured', type: 'checkbox', defaultValue: false, index: true, label: { vi: 'Tin nổi bật', en: 'Featured' }, admin: { position: 'sidebar' } },
  {
    name: 'reviewState',
    type: 'select',
    defaultValue: 'drafting',
    index: true,
    options: REVIEW_STATES,
    label: { vi: 'Duyệt bài', en: 'Review' },
    access: { read: writersField },
    admin: { position: 'sidebar', description: { vi: 'Phóng viên chọn "Chờ duyệt" để gửi biên tập viên', en: 'Reporters choose "Submitted" to ask an editor' } },
  },
  { name: 'views', type: 'number', defaultValue: 0, min: 0, label: { vi: 'Lượt xem', en: 'Views' }, admin: { position: 'sidebar', readOnly: true } },
  searchTextField('searchTitle'),
  searchTextField('searchText'),
]
