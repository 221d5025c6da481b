import type { CollectionConfig } from 'payload'

import { nobody } from '../src/access/pollRules.ts'
import { adminsOnly } from '../src/access/rules.ts'

/**
 * The last reference number given per site and year ("HĐ-2026-000123"). Incremented atomically
 * inside the submission's transaction (src/participation/reference.ts).
 */
export const QuestionCounters: CollectionConfig = {
  slug: 'question-counters',
  labels: { singular: { vi: 'Bộ đếm số hiệu', en: 'Reference counter' }, plural: { vi: 'Bộ đếm số hiệu', en: 'Reference counters' } },
  admin: { hidden: true },
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'value', type: 'number', required: true, defaultValue: 0 },
  ],
}
