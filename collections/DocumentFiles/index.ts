import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { editorsOnly, loggedIn, writers } from '../../src/access/rules.ts'
import { env } from '../../src/config/env.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { checkDocumentFile } from './hooks/checkDocumentFile.ts'

/**
 * Files attached to legal documents. Readers download them from the document's public page
 * (src/documents/routes.ts), which serves only files of published documents; the REST file
 * route is for staff.
 */
export const DocumentFiles: CollectionConfig = {
  slug: 'document-files',
  labels: { singular: { vi: 'Tệp văn bản', en: 'Document file' }, plural: { vi: 'Tệp văn bản', en: 'Document files' } },
  admin: { useAsTitle: 'originalName', defaultColumns: ['originalName', 'mimeType', 'filesize'], group: { vi: 'Văn bản', en: 'Documents' } },
  // Reporters add files; replacing one, which a published document may show, is an editor's call.
  access: { read: loggedIn, create: writers, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeOperation: [checkDocumentFile],
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.documentFiles.afterChange],
  },
  upload: {
    staticDir: path.join(env().mediaDir, 'van-ban'),
    // Staff who open a file through the API download it, as readers do from the public page:
    // whatever a file holds, it is never shown in the browser under this origin.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Content-Disposition', 'attachment')
      return headers
    },
  },
  fields: [
    { name: 'originalName', type: 'text', label: { vi: 'Tên tệp gốc', en: 'Original name' }, admin: { readOnly: true } },
    { name: 'text', type: 'textarea', label: { vi: 'Văn bản trích từ PDF', en: 'Text from the PDF' }, admin: { readOnly: true, hidden: true } },
  ],
}
