import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

import { detachArticleFromCaptions, syncArticleCaptions } from '../../../src/captions/syncArticleCaptions.ts'
import { contextFlag } from '../../../src/hooks/context.ts'

/** A published article's captioned photos become caption entries; unpublishing withdraws them. */
export const syncCaptions: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (contextFlag(req.context, 'skipCaptionSync')) return doc
  if (doc._status === 'published') await syncArticleCaptions(req, doc)
  else await detachArticleFromCaptions(req, doc.id)
  return doc
}

export const detachCaptions: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await detachArticleFromCaptions(req, doc.id)
  return doc
}
