import crypto from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'
import { APIError } from 'payload'

/**
 * Files attached to legal documents: what the bytes are, not what the name says. DOC and XLS are
 * both OLE2 compound files, which the bytes alone do not tell apart: there the name's extension
 * decides between the two, and nothing else is accepted.
 */
export const DOCUMENT_FILE_TYPES = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  doc: { mime: 'application/msword', label: 'DOC' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX' },
  xls: { mime: 'application/vnd.ms-excel', label: 'XLS' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'ODT' },
} as const
export type DocumentFileExtension = keyof typeof DOCUMENT_FILE_TYPES

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''

export const REFUSED_FILE_MESSAGE = 'Tệp không đúng định dạng: chỉ nhận PDF, DOC, DOCX, XLS, XLSX, ODT (kiểm tra theo nội dung tệp, không theo tên).'

/** The type of an uploaded file from its bytes, or an APIError 400 in Vietnamese. */
export async function detectDocumentFile(data: Buffer, originalName: string): Promise<{ ext: DocumentFileExtension; mime: string }> {
  const detected = await fileTypeFromBuffer(data)
  const named = extensionOf(originalName)
  let ext: DocumentFileExtension | undefined
  if (detected?.ext === 'cfb' && (named === 'doc' || named === 'xls')) ext = named
  else if (detected && detected.ext in DOCUMENT_FILE_TYPES) ext = detected.ext as DocumentFileExtension
  // The name must agree with the bytes: a PDF called "bao-cao.docx" is refused as well.
  if (!ext || ext !== named) throw new APIError(REFUSED_FILE_MESSAGE, 400, undefined, true)
  return { ext, mime: DOCUMENT_FILE_TYPES[ext].mime }
}

/** The name a file is stored under: chosen by the server, never the uploader's. */
export const storedFileName = (ext: string) => `${crypto.randomUUID()}.${ext}`

/** "PDF, 1,2 MB" */
export function describeFile(mimeType: string | null | undefined, bytes: number | null | undefined): string {
  const entry = Object.values(DOCUMENT_FILE_TYPES).find((type) => type.mime === mimeType)
  const size = bytes ?? 0
  const [value, unit] = size >= 1024 * 1024 ? [size / 1024 / 1024, 'MB'] : [Math.max(size / 1024, 0.1), 'KB']
  return `${entry?.label ?? 'Tệp'}, ${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${unit}`
}

/** The name an attached file is stored under (a UUID and its type's extension). */
export const STORED_FILE_NAME = /^[0-9a-f-]{36}\.(pdf|docx?|xlsx?|odt)$/

/** `attachment` with the original name: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(originalName: string): string {
  const ascii = originalName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(originalName)}`
}
