import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { readModelHooks } from '../src/site/readModel/hooks.ts'

/** Writers of a site; each has a public page listing their articles. */
export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: { vi: 'Tác giả', en: 'Author' }, plural: { vi: 'Tác giả', en: 'Authors' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'unit', 'position'], group: { vi: 'Nội dung', en: 'Content' } },
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [readModelHooks.authors.afterChange], afterDelete: [readModelHooks.authors.afterDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Name' } },
    slugField('name'),
    { name: 'unit', type: 'text', label: { vi: 'Đơn vị', en: 'Unit / agency' } },
    { name: 'position', type: 'text', label: { vi: 'Chức vụ', en: 'Position' } },
    { name: 'photo', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh', en: 'Photo' } },
    { name: 'bio', type: 'textarea', label: { vi: 'Giới thiệu', en: 'Short bio' } },
  ],
}
