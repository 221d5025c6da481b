import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../../src/access/rules.ts'
import { searchTextField } from '../../src/fields/searchText.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { foldCaption } from './hooks/foldCaption.ts'

/**
 * Captioned photos ("Toàn cảnh Hội nghị"): one entry per photo and caption, with the articles
 * it runs in. Filled automatically from article bodies; editors may add entries by hand.
 */
export const Captions: CollectionConfig = {
  slug: 'captions',
  labels: { singular: { vi: 'Ảnh chú thích', en: 'Captioned photo' }, plural: { vi: 'Ảnh chú thích', en: 'Captioned photos' } },
  admin: { useAsTitle: 'caption', defaultColumns: ['caption', 'photo', 'credit', 'updatedAt'], group: { vi: 'Nội dung', en: 'Content' } },
  defaultSort: '-createdAt',
  // Review: public as soon as saved (no drafts), so only editors write; reporters ask an editor (docs/security.md).
  // Entries taken from article bodies are written by the article's hooks with server rights.
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    beforeChange: [foldCaption],
    afterChange: [readModelHooks.captions.afterChange],
    afterDelete: [readModelHooks.captions.afterDelete],
  },
  fields: [
    { name: 'photo', type: 'upload', relationTo: 'media', required: true, label: { vi: 'Ảnh', en: 'Photo' } },
    { name: 'caption', type: 'text', required: true, label: { vi: 'Chú thích', en: 'Caption' } },
    { name: 'credit', type: 'text', label: { vi: 'Tác giả ảnh', en: 'Credit' } },
    {
      name: 'articles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      label: { vi: 'Bài viết có ảnh', en: 'Appears in' },
    },
    {
      name: 'origin',
      type: 'select',
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: { vi: 'Nhập tay', en: 'Entered by hand' } },
        { value: 'article', label: { vi: 'Từ bài viết', en: 'From an article' } },
      ],
      label: { vi: 'Nguồn gốc', en: 'Origin' },
      admin: { position: 'sidebar', readOnly: true },
    },
    searchTextField(),
  ],
}
