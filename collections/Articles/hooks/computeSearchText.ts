import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

import { lexicalPlainText } from '../../../src/lib/lexical.ts'
import { toSearchText } from '../../../src/lib/vietnamese.ts'

/**
 * Folded word lists of the title and of title + lead + body, which accent-insensitive search matches
 * on every database adapter ("dien bien" finds "Điện Biên").
 */
export const computeSearchText: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const title = data.title ?? originalDoc?.title ?? ''
  const lead = data.lead ?? originalDoc?.lead ?? ''
  const body = data.body !== undefined ? data.body : originalDoc?.body
  data.searchTitle = toSearchText(title)
  data.searchText = toSearchText([title, lead, lexicalPlainText(body)].join(' '))
  return data
}
