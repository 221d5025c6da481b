import type { CollectionConfig } from 'payload'

import { anyone, writers } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: { vi: 'Từ khóa', en: 'Tag' }, plural: { vi: 'Từ khóa', en: 'Tags' } },
  admin: { useAsTitle: 'title', group: { vi: 'Nội dung', en: 'Content' } },
  access: { read: anyone, create: writers, update: writers, delete: writers },
  hooks: { beforeValidate: [normalizeText], afterChange: [readModelHooks.tags.afterChange], afterDelete: [readModelHooks.tags.afterDelete] },
  fields: [{ name: 'title', type: 'text', required: true, label: { vi: 'Từ khóa', en: 'Tag' } }, slugField('title')],
}
