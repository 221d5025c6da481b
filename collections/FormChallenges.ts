import type { CollectionConfig } from 'payload'

import { nobody } from '../src/access/pollRules.ts'
import { adminsOnly } from '../src/access/rules.ts'

/**
 * Used captcha challenges of the citizens' forms (questions). Written in the same transaction as
 * the submission; the unique `key` refuses a replayed solution on every database adapter.
 */
export const FormChallenges: CollectionConfig = {
  slug: 'form-challenges',
  labels: { singular: { vi: 'Mã xác nhận đã dùng (biểu mẫu)', en: 'Used form challenge' }, plural: { vi: 'Mã xác nhận đã dùng (biểu mẫu)', en: 'Used form challenges' } },
  admin: { hidden: true },
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'form', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
