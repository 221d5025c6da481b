import type { Payload, PayloadRequest } from 'payload'

import { fileTypeFromBuffer } from 'file-type'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Site } from '../payload-types.ts'

import { storedFileName } from '../documents/files.ts'
import { guardedSharp, MAX_INPUT_PIXELS } from '../media/imagePolicy.ts'

/**
 * Files a citizen attaches to a question: at most three images (JPEG, PNG, WebP) or PDFs, each
 * under a size limit. The type comes from the bytes, never from the name; images are re-encoded
 * (which drops their metadata, GPS included) and every file is stored under a name the server
 * chooses. Only staff read them, through Payload's file route and its access rules.
 */
export const MAX_ATTACHMENTS = 3

export const ATTACHMENT_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
} as const
type AttachmentExtension = keyof typeof ATTACHMENT_TYPES

/** What the file input offers (the server checks the bytes anyway). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf'

/** A file as the form parser received it; `truncated` once it passed the size limit. */
export type ReceivedFile = { name: string; data: Buffer; truncated: boolean }

/** A file that passed every check, ready to store. */
export type CheckedAttachment = { originalName: string; storedName: string; mimeType: string; data: Buffer }

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`

export const attachmentMessages = {
  tooMany: `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm.`,
  tooLarge: (name: string, maxBytes: number) => `Tệp "${name}" lớn hơn ${megabytes(maxBytes)}.`,
  wrongType: (name: string) => `Tệp "${name}" không phải ảnh (JPEG, PNG, WebP) hoặc PDF.`,
  unreadable: (name: string) => `Tệp "${name}" không đọc được hoặc ảnh quá lớn (tối đa ${MAX_INPUT_PIXELS / 1_000_000} triệu điểm ảnh).`,
}

/** The uploader's name as shown back: no path, NFC, no control characters, short. */
const shownName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\p{Cc}"]/gu, '').slice(0, 120) || 'không tên'

/**
 * Checks the received files in order; the first problem is the message shown next to the file
 * input (nothing is stored then). Images come back re-encoded.
 */
export async function checkAttachments(files: ReceivedFile[], tooMany: boolean, maxBytes: number): Promise<{ attachments: CheckedAttachment[]; error?: string }> {
  if (tooMany || files.length > MAX_ATTACHMENTS) return { attachments: [], error: attachmentMessages.tooMany }
  const attachments: CheckedAttachment[] = []
  for (const file of files) {
    const originalName = shownName(file.name)
    if (file.truncated || file.data.length > maxBytes) return { attachments: [], error: attachmentMessages.tooLarge(originalName, maxBytes) }
    const detected = await fileTypeFromBuffer(file.data)
    if (!detected || !(detected.ext in ATTACHMENT_TYPES)) return { attachments: [], error: attachmentMessages.wrongType(originalName) }
    const ext = detected.ext as AttachmentExtension
    const data = ext === 'pdf' ? (isWholePdf(file.data) ? file.data : undefined) : await reencodeImage(file.data, ext).catch(() => undefined)
    if (!data) return { attachments: [], error: attachmentMessages.unreadable(originalName) }
    attachments.push({ originalName, storedName: storedFileName(ext), mimeType: ATTACHMENT_TYPES[ext], data })
  }
  return { attachments }
}

/**
 * A PDF that ends as one does (`startxref` and `%%EOF` in its last KiB), as Payload checks it
 * again when storing: a cut-off file, or a page behind a `%PDF-` head, is answered here, next to
 * the file input, rather than by a refusal deep in the save that would lose the citizen's text.
 */
function isWholePdf(data: Buffer): boolean {
  const tail = data.subarray(Math.max(0, data.length - 1024)).toString('latin1')
  return tail.includes('%%EOF') && tail.includes('xref')
}

/** The same picture drawn again in its own format: turned upright, without EXIF, XMP or GPS. */
async function reencodeImage(data: Buffer, ext: Exclude<AttachmentExtension, 'pdf'>): Promise<Buffer> {
  const image = guardedSharp(data).rotate()
  if (ext === 'jpg') return image.jpeg({ quality: 85 }).toBuffer()
  if (ext === 'png') return image.png().toBuffer()
  return image.webp({ quality: 85 }).toBuffer()
}

/**
 * Stores the attachments of a question in `req`'s transaction. If anything fails later, the
 * caller removes the written files with `removeAttachmentFiles`.
 */
export async function storeAttachments(payload: Payload, req: PayloadRequest, site: Site, questionId: number | string, attachments: CheckedAttachment[]): Promise<void> {
  for (const attachment of attachments) {
    // server rights: attachments are created here only (create access is nobody); nothing is read back
    await payload.create({
      collection: 'question-attachments',
      data: { site: site.id, question: questionId as number, originalName: attachment.originalName },
      file: { name: attachment.storedName, data: attachment.data, mimetype: attachment.mimeType, size: attachment.data.length },
      req,
      overrideAccess: true,
      depth: 0,
      select: {},
    })
  }
}

/** Removes files written for a question that was not stored after all (the transaction rolled back). */
export async function removeAttachmentFiles(dir: string, attachments: CheckedAttachment[]): Promise<void> {
  await Promise.all(attachments.map((attachment) => fs.rm(path.join(dir, attachment.storedName), { force: true })))
}
