import type { CollectionBeforeChangeHook } from 'payload'

import type { Caption } from '../../../src/payload-types.ts'

import { toSearchText } from '../../../src/lib/vietnamese.ts'

/** Keeps the folded copy of caption and credit that accent-insensitive search reads. */
export const foldCaption: CollectionBeforeChangeHook<Caption> = ({ data, originalDoc }) => {
  const caption = data.caption ?? originalDoc?.caption ?? ''
  const credit = data.credit ?? originalDoc?.credit ?? ''
  data.searchText = toSearchText(`${caption} ${credit}`)
  return data
}
