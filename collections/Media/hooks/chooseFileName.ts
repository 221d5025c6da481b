import type { CollectionBeforeOperationHook } from 'payload'

import path from 'node:path'

import { storedFileName } from '../../../src/documents/files.ts'

/**
 * Stores every uploaded image under a name the server chooses (a UUID). `/media` serves files by
 * name without asking the database, so a descriptive name ("ket-qua-bau-cu.jpg") would let anyone
 * guess the photo of an article that is not yet published; a UUID is known only to staff (the
 * media API is theirs) until a published page shows it.
 */
export const chooseFileName: CollectionBeforeOperationHook = ({ operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return
  const ext = path.extname(file.name).slice(1).toLowerCase() || 'bin'
  file.name = storedFileName(ext)
}
