import type { CollectionConfig } from 'payload'

import { withinWindowOrStaff } from '../src/access/publicContent.ts'
import { editorsOnly } from '../src/access/rules.ts'
import { slugField } from '../src/fields/slug.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { purgeSiteCache } from '../src/site/cache/purgeHooks.ts'

/** Thông báo: short official notices shown until they expire. */
export const Notices: CollectionConfig = {
  slug: 'notices',
  labels: { singular: { vi: 'Thông báo', en: 'Notice' }, plural: { vi: 'Thông báo', en: 'Notices' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'publishedAt', 'expiresAt'], group: { vi: 'Nội dung', en: 'Content' } },
  defaultSort: '-publishedAt',
  access: { read: withinWindowOrStaff('publishedAt', 'expiresAt'), create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [purgeSiteCache.afterChange], afterDelete: [purgeSiteCache.afterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField('title'),
    { name: 'body', type: 'textarea', label: { vi: 'Nội dung', en: 'Body' } },
    { name: 'link', type: 'text', label: { vi: 'Liên kết (tùy chọn)', en: 'Link (optional)' } },
    {
      type: 'row',
      fields: [
        { name: 'publishedAt', type: 'date', required: true, defaultValue: () => new Date().toISOString(), label: { vi: 'Ngày đăng', en: 'Published at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'expiresAt', type: 'date', label: { vi: 'Hết hạn', en: 'Expires at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
}
