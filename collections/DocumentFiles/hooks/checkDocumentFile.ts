import type { CollectionBeforeOperationHook } from 'payload'

import { detectDocumentFile, storedFileName } from '../../../src/documents/files.ts'
import { extractPdfText } from '../../../src/documents/pdfText.ts'

/**
 * Before Payload stores an upload: the type comes from the bytes (a mismatch is refused with 400),
 * the stored name is the server's, the uploader's name is kept for downloads, and a PDF's text
 * layer is extracted for search.
 */
export const checkDocumentFile: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return args
  const originalName = file.name.normalize('NFC')
  const { ext, mime } = await detectDocumentFile(file.data, originalName)
  const text = ext === 'pdf' ? await extractPdfText(file.data) : ''
  file.name = storedFileName(ext)
  file.mimetype = mime
  Object.assign((args.data ??= {}) as Record<string, unknown>, { originalName, text })
  return args
}
