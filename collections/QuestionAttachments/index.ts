import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/pollRules.ts'
import { adminsOnly } from '../../src/access/rules.ts'
import { env } from '../../src/config/env.ts'
import { ATTACHMENT_TYPES } from '../../src/participation/attachments.ts'
import { attachmentsDir } from '../../src/participation/storage.ts'
import { readAttachments } from './access/attachmentRules.ts'

/**
 * Files citizens attach to their questions (src/participation/attachments.ts checks and stores
 * them with the question). Kept under the data folder, which nothing serves; staff download them
 * through Payload's file route, which applies the read rule. Never public, never changed.
 */
export const QuestionAttachments: CollectionConfig = {
  slug: 'question-attachments',
  labels: { singular: { vi: 'Tệp đính kèm câu hỏi', en: 'Question attachment' }, plural: { vi: 'Tệp đính kèm câu hỏi', en: 'Question attachments' } },
  admin: { useAsTitle: 'originalName', defaultColumns: ['originalName', 'question', 'mimeType', 'filesize'], group: { vi: 'Hỏi đáp', en: 'Questions' } },
  access: { read: readAttachments, create: nobody, update: nobody, delete: adminsOnly },
  upload: {
    staticDir: attachmentsDir(env().dataDir),
    mimeTypes: Object.values(ATTACHMENT_TYPES),
    // A download, never a page on the portal's domain; the type is the stored one, never sniffed.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Content-Disposition', 'attachment')
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  fields: [
    { name: 'originalName', type: 'text', label: { vi: 'Tên tệp gốc', en: 'Original name' }, admin: { readOnly: true } },
    // Not required: an administrator may delete a question; its files stay for the editors to remove.
    { name: 'question', type: 'relationship', relationTo: 'questions', index: true, label: { vi: 'Câu hỏi', en: 'Question' }, admin: { readOnly: true } },
  ],
}
