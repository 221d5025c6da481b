import type { Response } from 'express'

import fs from 'node:fs'
import path from 'node:path'

import type { PublicDocumentFile } from '../site/readModel/records.ts'

import { env } from '../config/env.ts'
import { notFound } from '../site/httpError.ts'
import { contentDisposition, STORED_FILE_NAME } from './files.ts'

/**
 * Streams one attached file of a published record (a document of the register, a draft for
 * comment) under its original name. The caller has found the record through the read model;
 * `filename` is the stored name asked for, and only one of `files` is served.
 */
export async function sendPublishedFile(res: Response, files: PublicDocumentFile[] | undefined, filename: string, missing: string): Promise<void> {
  if (!STORED_FILE_NAME.test(filename)) throw notFound()
  const file = files?.find((candidate) => candidate.filename === filename)
  if (!file) throw notFound(missing)
  const location = path.join(env().mediaDir, 'van-ban', filename)
  const stat = await fs.promises.stat(location).catch(() => undefined)
  if (!stat) throw notFound('Tệp này không còn trên máy chủ.')
  res.set({
    'Content-Type': file.mimeType,
    'Content-Length': String(stat.size),
    'Content-Disposition': contentDisposition(file.originalName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'public, max-age=300',
  })
  fs.createReadStream(location).pipe(res)
}
