import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

import { newMailedSteps, sendReviewMail } from '../../../src/admin/review/reviewMail.ts'
import { afterCommit } from '../../../src/db/afterCommit.ts'

const idOf = (value: unknown): number | string | null =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : ((value as number | string | null | undefined) ?? null)

/**
 * Once a save's review steps have committed, e-mails the people concerned (src/admin/review/reviewMail.ts).
 * The steps are those the save added to the history, so a save that changes no state sends nothing.
 */
export const notifyReview: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  const entries = newMailedSteps(previousDoc?.reviewHistory, doc.reviewHistory)
  if (entries.length === 0) return doc
  const { payload } = req
  const article = { id: doc.id, title: doc.title, site: idOf(doc.site), createdBy: idOf(doc.createdBy) }
  await afterCommit(req, () => {
    for (const entry of entries) void sendReviewMail(payload, { article, entry })
  })
  return doc
}
