import type { RequestHandler } from 'express'

import express from 'express'
import path from 'node:path'

/** What `/media` serves, by extension; anything else is 404. */
export const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
}

const shownInline = (type: string) => type.startsWith('image/') || type.startsWith('video/')

/**
 * Uploaded files, without a database hit: only the allow-listed types, each with its own
 * Content-Type (never guessed from the content: `nosniff` is set for every response), and
 * anything that is not an image or a video as a download, so no uploaded file runs as a page
 * on the portal's domain.
 */
export function serveMedia(mediaDir: string): RequestHandler[] {
  const files = express.static(mediaDir, {
    maxAge: '30d',
    immutable: true,
    index: false,
    dotfiles: 'ignore',
    redirect: false,
    setHeaders: (res, file) => {
      const type = MEDIA_TYPES[path.extname(file).toLowerCase()]!
      res.setHeader('Content-Type', type)
      res.setHeader('X-Content-Type-Options', 'nosniff')
      if (!shownInline(type)) res.setHeader('Content-Disposition', 'attachment')
    },
  })
  const allowListed: RequestHandler = (req, res, next) => {
    if (MEDIA_TYPES[path.extname(req.path).toLowerCase()]) return next()
    res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy tệp.')
  }
  return [allowListed, files]
}
