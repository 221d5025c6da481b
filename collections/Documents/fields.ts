import type { Field, Where } from 'payload'

import { writersField } from '../../src/access/rules.ts'
import { searchTextField } from '../../src/fields/searchText.ts'
import { VALIDITIES, VALIDITY_LABELS } from '../../src/documents/validity.ts'
import { articleEditor } from '../../src/richText/editor.ts'
import { REVIEW_STATES } from '../Articles/fields.ts'

const siteId = (site: unknown) => (site && typeof site === 'object' ? (site as { id: unknown }).id : site)

/** Entries of one of the site's lists (types, issuing bodies, fields). */
const termOf =
  (group: string) =>
  ({ data }: { data?: { site?: unknown } }): Where => {
    const conditions: Where[] = [{ group: { equals: group } }]
    if (data?.site) conditions.push({ site: { equals: siteId(data.site) } })
    return { and: conditions }
  }

const sameSite = ({ data }: { data?: { site?: unknown } }) => (data?.site ? { site: { equals: siteId(data.site) } } : true)

const dayPicker = { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } as const

export const documentFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'number', type: 'text', required: true, label: { vi: 'Số, ký hiệu', en: 'Number and symbol' }, admin: { placeholder: '278/QĐ-UBND' } },
      { name: 'type', type: 'relationship', relationTo: 'document-terms', required: true, filterOptions: termOf('type'), label: { vi: 'Loại văn bản', en: 'Type' } },
    ],
  },
  { name: 'abstract', type: 'textarea', required: true, label: { vi: 'Trích yếu', en: 'Abstract' } },
  {
    type: 'row',
    fields: [
      { name: 'issuer', type: 'relationship', relationTo: 'document-terms', required: true, filterOptions: termOf('issuer'), label: { vi: 'Cơ quan ban hành', en: 'Issuing body' } },
      { name: 'field', type: 'relationship', relationTo: 'document-terms', filterOptions: termOf('field'), label: { vi: 'Lĩnh vực', en: 'Field' } },
      { name: 'signer', type: 'text', label: { vi: 'Người ký', en: 'Signed by' } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'issuedAt', type: 'date', required: true, index: true, label: { vi: 'Ngày ban hành', en: 'Issued on' }, admin: dayPicker },
      { name: 'effectiveAt', type: 'date', label: { vi: 'Ngày có hiệu lực', en: 'In force from' }, admin: { ...dayPicker, description: { vi: 'Để trống: từ ngày ban hành', en: 'Empty: the issue date' } } },
      { name: 'expiresAt', type: 'date', label: { vi: 'Ngày hết hiệu lực', en: 'No longer in force from' }, admin: dayPicker },
    ],
  },
  {
    name: 'validityOverride',
    type: 'select',
    options: VALIDITIES.map((value) => ({ value, label: VALIDITY_LABELS[value] })),
    label: { vi: 'Tình trạng hiệu lực (đặt tay)', en: 'Validity (set by hand)' },
    admin: { description: { vi: 'Để trống: tính theo các ngày trên', en: 'Empty: derived from the dates above' } },
  },
  { name: 'files', type: 'upload', relationTo: 'document-files', hasMany: true, filterOptions: sameSite, label: { vi: 'Tệp đính kèm', en: 'Attached files' } },
  { name: 'body', type: 'richText', editor: articleEditor, label: { vi: 'Toàn văn (không bắt buộc)', en: 'Full text (optional)' } },
  {
    type: 'collapsible',
    label: { vi: 'Văn bản liên quan', en: 'Related documents' },
    fields: [
      { name: 'replaces', type: 'relationship', relationTo: 'documents', hasMany: true, filterOptions: sameSite, label: { vi: 'Thay thế văn bản', en: 'Replaces' } },
      { name: 'amends', type: 'relationship', relationTo: 'documents', hasMany: true, filterOptions: sameSite, label: { vi: 'Sửa đổi, bổ sung văn bản', en: 'Amends' } },
      // The other direction is not stored twice: it is read from the documents that point here.
      { name: 'replacedBy', type: 'join', collection: 'documents', on: 'replaces', label: { vi: 'Bị thay thế bởi', en: 'Replaced by' } },
      { name: 'amendedBy', type: 'join', collection: 'documents', on: 'amends', label: { vi: 'Bị sửa đổi, bổ sung bởi', en: 'Amended by' } },
    ],
  },
  {
    name: 'slug',
    type: 'text',
    index: true,
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    admin: { position: 'sidebar', description: { vi: 'Tự tạo từ số, ký hiệu và năm ban hành', en: 'Made from the number and year' } },
  },
  { name: 'reviewState', type: 'select', defaultValue: 'drafting', index: true, options: REVIEW_STATES, label: { vi: 'Duyệt', en: 'Review' }, access: { read: writersField }, admin: { position: 'sidebar' } },
  searchTextField('numberKey'),
  searchTextField('searchText'),
]
