import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

import { detachArticleFromCaptions, isPublicNow, syncArticleCaptions } from '../../../src/captions/syncArticleCaptions.ts'
import { contextFlag } from '../../../src/hooks/context.ts'

/**
 * A public article's captioned photos become caption entries (the public photo library);
 * unpublishing withdraws them. An article scheduled for later gets its entries when its time
 * comes (src/site/readModel/due.ts), not before.
 */
export const syncCaptions: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (contextFlag(req.context, 'skipCaptionSync')) return doc
  if (isPublicNow(doc)) await syncArticleCaptions(req, doc)
  else await detachArticleFromCaptions(req, doc.id)
  return doc
}

export const detachCaptions: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await detachArticleFromCaptions(req, doc.id)
  return doc
}
