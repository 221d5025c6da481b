import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: { vi: 'Từ khóa', en: 'Tag' }, plural: { vi: 'Từ khóa', en: 'Tags' } },
  admin: { useAsTitle: 'title', group: { vi: 'Nội dung', en: 'Content' } },
  // Review: public as soon as saved (no drafts), so only editors write; reporters ask an editor (docs/security.md).
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [readModelHooks.tags.afterChange], afterDelete: [readModelHooks.tags.afterDelete] },
  fields: [{ name: 'title', type: 'text', required: true, label: { vi: 'Từ khóa', en: 'Tag' } }, slugField('title')],
}
