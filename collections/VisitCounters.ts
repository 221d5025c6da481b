import type { CollectionConfig } from 'payload'

import { editorsOnly } from '../src/access/rules.ts'

/**
 * Thống kê truy cập: one row per site and day (article empty) and per article and day, in the
 * Asia/Ho_Chi_Minh calendar. Rows are written only by src/stats/counterStore.ts with atomic
 * increments keyed by `key`; nobody edits them by hand.
 */
export const VisitCounters: CollectionConfig = {
  slug: 'visit-counters',
  labels: { singular: { vi: 'Lượt truy cập theo ngày', en: 'Daily visits' }, plural: { vi: 'Lượt truy cập theo ngày', en: 'Daily visits' } },
  admin: { useAsTitle: 'key', defaultColumns: ['day', 'article', 'count'], group: { vi: 'Hệ thống', en: 'System' } },
  defaultSort: '-day',
  access: { read: editorsOnly, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, label: { vi: 'Khóa', en: 'Key' }, admin: { readOnly: true } },
    { name: 'day', type: 'text', required: true, index: true, label: { vi: 'Ngày (YYYY-MM-DD)', en: 'Day (YYYY-MM-DD)' }, admin: { readOnly: true } },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: { vi: 'Bài viết', en: 'Article' }, admin: { readOnly: true } },
    { name: 'count', type: 'number', required: true, defaultValue: 0, label: { vi: 'Lượt', en: 'Count' }, admin: { readOnly: true } },
  ],
}
