import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

/** Sections of a site (Tin tức, Thi đua khen thưởng, Thông báo…), nested and ordered. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: { vi: 'Chuyên mục', en: 'Category' }, plural: { vi: 'Chuyên mục', en: 'Categories' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'order'], group: { vi: 'Nội dung', en: 'Content' } },
  defaultSort: 'order',
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [readModelHooks.categories.afterChange], afterDelete: [readModelHooks.categories.afterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tên chuyên mục', en: 'Title' } },
    slugField('title'),
    { name: 'parent', type: 'relationship', relationTo: 'categories', label: { vi: 'Chuyên mục cha', en: 'Parent' } },
    { name: 'order', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' }, admin: { position: 'sidebar' } },
  ],
}
