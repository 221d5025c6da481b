import type { CollectionBeforeOperationHook } from 'payload'

import { fileTypeFromBuffer } from 'file-type'
import path from 'node:path'
import { APIError } from 'payload'

/**
 * For upload collections of files other than images (videos, documents): the stored file is
 * named after the type its bytes show (`file-type`), never after the uploader's extension, so
 * a "video" called `x.html` can only be stored as what it is, or refused.
 */
export function detectedTypeOnly(allowed: string[]): CollectionBeforeOperationHook {
  return async ({ operation, req }) => {
    const file = req.file
    if (!file || (operation !== 'create' && operation !== 'update')) return
    const detected = await fileTypeFromBuffer(file.data)
    if (!detected || !allowed.includes(detected.mime)) {
      throw new APIError(`Loại tệp không được chấp nhận: chỉ nhận ${allowed.map(extensionOf).join(', ')}.`, 400, undefined, true)
    }
    // No leading dot either: `/media` never serves dot files.
    const base = path.parse(file.name).name.replace(/^\.+|\.+$/g, '') || 'tep'
    file.name = `${base}.${detected.ext}`
    file.mimetype = detected.mime
  }
}

const extensionOf = (mime: string) => mime.split('/')[1]!.toUpperCase()
