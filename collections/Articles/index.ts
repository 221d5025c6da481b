import type { CollectionConfig } from 'payload'

import { editorsOnly, loggedIn, publishedOrStaff } from '../../src/access/rules.ts'
import { slugField } from '../../src/fields/slug.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { canCreateArticle, canUpdateArticle } from './access/canWriteArticle.ts'
import { ensureUniqueSlugPerSite } from './hooks/ensureUniqueSlugPerSite.ts'
import { stampPublishedAt } from './hooks/stampPublishedAt.ts'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'categories', 'publishedAt', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
  },
  defaultSort: '-publishedAt',
  versions: { drafts: true, maxPerDoc: 30 },
  access: {
    read: publishedOrStaff,
    readVersions: loggedIn,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: editorsOnly,
  },
  hooks: {
    beforeValidate: [normalizeText, ensureUniqueSlugPerSite],
    beforeChange: [stampPublishedAt],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField('title'),
    { name: 'lead', type: 'textarea', label: { vi: 'Sa pô (tóm tắt)', en: 'Lead' } },
    { name: 'cover', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
    { name: 'body', type: 'richText', label: { vi: 'Nội dung', en: 'Body' } },
    {
      type: 'row',
      fields: [
        { name: 'byline', type: 'text', label: { vi: 'Tác giả', en: 'Byline' } },
        { name: 'source', type: 'text', label: { vi: 'Nguồn', en: 'Source' } },
      ],
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: { vi: 'Chuyên mục', en: 'Categories' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { vi: 'Ngày đăng', en: 'Published at' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
    },
    { name: 'featured', type: 'checkbox', defaultValue: false, label: { vi: 'Tin nổi bật', en: 'Featured' }, admin: { position: 'sidebar' } },
    {
      name: 'views',
      type: 'number',
      defaultValue: 0,
      min: 0,
      label: { vi: 'Lượt xem', en: 'Views' },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
