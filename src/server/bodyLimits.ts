import type { Request, RequestHandler, Response } from 'express'

type BodyLimits = {
  /** Largest JSON, form or other body (logins, document saves, votes). */
  maxBytes: number
  /** Largest body sent to an upload collection (`/api/<slug>…`): the file plus its form fields. */
  uploadMaxBytes: number
  /** Slugs of the upload collections. */
  uploadCollections: string[]
  /** Public forms that take files (path → largest body), e.g. the question form with its attachments. */
  formUploads?: Record<string, number>
}

/** Room for the form fields sent with an upload (alt text, caption, `_payload`). */
const UPLOAD_FORM_OVERHEAD = 1024 * 1024

/**
 * Refuses an oversized body from its Content-Length, before Next.js or Payload read a byte of
 * it: 413 at once. A body without a length (chunked) is refused with 411, since the size is
 * only known after reading it; browsers and HTTP clients send the length of a form or upload.
 * Node's parser never delivers more bytes than the Content-Length announces.
 */
export function bodyLimits({ maxBytes, uploadMaxBytes, uploadCollections, formUploads = {} }: BodyLimits): RequestHandler {
  const uploadPaths = uploadCollections.map((slug) => `/api/${slug}`)
  const isUpload = (path: string) => uploadPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  return (req, res, next) => {
    const chunked = req.headers['transfer-encoding'] !== undefined
    const length = Number(req.headers['content-length'] ?? 0)
    if (!chunked && length === 0) return next()
    if (chunked) return refuse(req, res, 411, 'Yêu cầu phải có độ dài (Content-Length).')
    const limit = isUpload(req.path) ? uploadMaxBytes + UPLOAD_FORM_OVERHEAD : (formUploads[req.path] ?? maxBytes)
    if (length > limit) return refuse(req, res, 413, `Nội dung gửi lên quá lớn: tối đa ${formatMegabytes(limit)}.`)
    next()
  }
}

function refuse(req: Request, res: Response, status: number, message: string): void {
  // The unread body is discarded; the connection closes so the client stops sending it.
  res.set('Connection', 'close').status(status)
  if (req.path.startsWith('/api/')) res.json({ errors: [{ message }] })
  else res.type('text/plain; charset=utf-8').send(message)
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
}

export function uploadCollectionSlugs(payload: { config: { collections: { slug: string; upload?: unknown }[] } }): string[] {
  return payload.config.collections.filter((collection) => collection.upload).map((collection) => collection.slug)
}
