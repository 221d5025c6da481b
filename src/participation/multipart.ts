import type { Request } from 'express'

import busboy from 'busboy'

import type { ReceivedFile } from './attachments.ts'

export type MultipartLimits = { files: number; fileBytes: number; fieldBytes: number; fields: number }

export type MultipartForm = { body: Record<string, string>; files: ReceivedFile[]; tooManyFiles: boolean }

/**
 * Reads a `multipart/form-data` form as it streams in, within limits: a file stops growing one
 * byte past `fileBytes` (marked `truncated`), files past `files` are skipped (`tooManyFiles`), and
 * a field's text is cut at `fieldBytes`. An empty file input (no name, no bytes) is no file.
 * Rejects on a malformed body.
 */
export function readMultipartForm(req: Request, limits: MultipartLimits): Promise<MultipartForm> {
  return new Promise((resolve, reject) => {
    const form: MultipartForm = { body: {}, files: [], tooManyFiles: false }
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: limits.files, fileSize: limits.fileBytes + 1, fields: limits.fields, fieldSize: limits.fieldBytes, parts: limits.files + limits.fields + 5 },
      })
    } catch (error) {
      return reject(error)
    }
    parser.on('field', (name, value) => {
      if (!(name in form.body)) form.body[name] = value
    })
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = []
      let truncated = false
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => (truncated = true))
      stream.on('end', () => {
        const data = Buffer.concat(chunks)
        if (info.filename || data.length > 0) form.files.push({ name: info.filename ?? '', data, truncated })
      })
    })
    parser.on('filesLimit', () => (form.tooManyFiles = true))
    parser.on('error', reject)
    parser.on('close', () => resolve(form))
    req.pipe(parser)
  })
}
