import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

/** An article published without a date gets the moment of publishing. */
export const stampPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}
