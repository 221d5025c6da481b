import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

/** Lĩnh vực: the site's own list of fields a citizen's question belongs to (land, health, tax…). */
export const QuestionFields: CollectionConfig = {
  slug: 'question-fields',
  labels: { singular: { vi: 'Lĩnh vực hỏi đáp', en: 'Question field' }, plural: { vi: 'Lĩnh vực hỏi đáp', en: 'Question fields' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'order'], group: { vi: 'Hỏi đáp', en: 'Questions' } },
  defaultSort: 'order',
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.questionFields.afterChange],
    afterDelete: [readModelHooks.questionFields.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: { vi: 'Tên lĩnh vực', en: 'Name' } },
    { name: 'order', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' } },
  ],
}
