import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

/** The per-site lists the documents register files by: types, issuing bodies and fields. */
export const DOCUMENT_TERM_GROUPS = [
  { value: 'type', label: { vi: 'Loại văn bản', en: 'Document type' } },
  { value: 'issuer', label: { vi: 'Cơ quan ban hành', en: 'Issuing body' } },
  { value: 'field', label: { vi: 'Lĩnh vực', en: 'Field' } },
]

export const DocumentTerms: CollectionConfig = {
  slug: 'document-terms',
  labels: { singular: { vi: 'Danh mục văn bản', en: 'Register list entry' }, plural: { vi: 'Danh mục văn bản', en: 'Register lists' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'group', 'order'], group: { vi: 'Văn bản', en: 'Documents' } },
  defaultSort: 'order',
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.documentTerms.afterChange],
    afterDelete: [readModelHooks.documentTerms.afterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
    { name: 'group', type: 'select', required: true, index: true, options: DOCUMENT_TERM_GROUPS, label: { vi: 'Thuộc danh mục', en: 'List' } },
    { name: 'order', type: 'number', defaultValue: 100, label: { vi: 'Thứ tự', en: 'Order' } },
    slugField('title'),
  ],
}
