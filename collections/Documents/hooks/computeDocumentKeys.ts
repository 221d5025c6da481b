import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import type { Document } from '../../../src/payload-types.ts'

import { documentSearchText } from '../../../src/documents/searchText.ts'
import { documentSlug, numberKey } from '../../../src/documents/number.ts'

/** A document without a slug gets one from its number and year ("278-qd-ubnd-2024"). */
export const fillDocumentSlug: CollectionBeforeValidateHook<Document> = ({ data, originalDoc }) => {
  if (!data) return data
  const number = data.number ?? originalDoc?.number
  if (!data.slug && !originalDoc?.slug && number) data.slug = documentSlug(number, data.issuedAt ?? originalDoc?.issuedAt)
  return data
}

/** The folded number (for search by number) and the folded text of abstract, body and PDF text. */
export const computeDocumentKeys: CollectionBeforeChangeHook<Document> = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data } as Document
  data.numberKey = numberKey(merged.number ?? '')
  data.searchText = await documentSearchText(req, merged)
  return data
}
