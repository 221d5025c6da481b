import type { CollectionConfig } from 'payload'

import { nobody } from '../src/access/pollRules.ts'
import { adminsOnly } from '../src/access/rules.ts'

/**
 * Used captcha challenges. Written in the same transaction as the vote; the unique `key` is what
 * refuses a replayed solution, on every database adapter.
 */
export const PollChallenges: CollectionConfig = {
  slug: 'poll-challenges',
  labels: { singular: { vi: 'Mã xác nhận đã dùng', en: 'Used challenge' }, plural: { vi: 'Mã xác nhận đã dùng', en: 'Used challenges' } },
  admin: { hidden: true },
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'poll', type: 'relationship', relationTo: 'polls', required: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
