import type { PayloadRequest } from 'payload'

import type { Document, DocumentFile } from '../payload-types.ts'

import { lexicalPlainText } from '../lib/lexical.ts'
import { toSearchText } from '../lib/vietnamese.ts'

const idOf = (value: number | string | { id: number | string }) => (typeof value === 'object' ? value.id : value)

/** Folded words of a document's number, abstract, signer, full text and the text of its PDFs. */
export async function documentSearchText(req: PayloadRequest, document: Partial<Document>): Promise<string> {
  const fileIds = (document.files ?? []).map((file) => idOf(file as DocumentFile))
  const files = fileIds.length
    ? // server rights: the files' extracted text is not public by itself; it only feeds this document's search words.
      (await req.payload.find({ collection: 'document-files', where: { id: { in: fileIds } }, depth: 0, limit: fileIds.length, pagination: false, overrideAccess: true, req, select: { text: true } })).docs
    : []
  return toSearchText([document.number, document.abstract, document.signer, lexicalPlainText(document.body), ...files.map((file) => file.text)].filter(Boolean).join(' '))
}
