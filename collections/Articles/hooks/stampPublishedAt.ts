import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

/** An article published without a date gets the moment of publishing, and its review is closed. */
export const stampPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data._status !== 'published') return data
  if (!data.publishedAt) data.publishedAt = new Date().toISOString()
  data.reviewState = 'approved'
  return data
}
