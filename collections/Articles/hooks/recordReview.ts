import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APIError, Forbidden } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

import { hasRole } from '../../../src/access/roles.ts'
import { EDITORIAL_STEPS, readHistory, type ReviewEntry, type ReviewState, reviewSteps } from '../review/steps.ts'

/**
 * A save through the REST API with `?draft=true` (the admin's "Lưu bản nháp") keeps the published
 * row as it is; without it, `_status: 'draft'` takes the article off the site (the admin's
 * "Gỡ xuất bản"). Local API callers unpublish the same way and save drafts with `draft: true`.
 */
const savesDraftOnly = (req: PayloadRequest): boolean => req.query?.draft === 'true' || req.query?.draft === true

/** Whether the article's published row is public now (the latest version may be a newer draft). */
async function isPublished(req: PayloadRequest, originalDoc: Article | undefined): Promise<boolean> {
  if (!originalDoc?.id) return false
  if (originalDoc._status === 'published') return true
  // server rights: the article's own published status, to tell publishing from saving again
  const row = await req.payload.findByID({ collection: 'articles', id: originalDoc.id, depth: 0, select: { _status: true }, overrideAccess: true, req })
  return row?._status === 'published'
}

// Plain 400s with the message itself: the REST answer of a ValidationError from a hook carries only
// Payload's generic "field invalid" text here, and the admin shows the message as it comes.
const returnNoteMissing = () => new APIError('Lý do trả lại: ghi rõ lý do để phóng viên biết cần sửa gì.', 400, undefined, true)
const returnWhilePublic = () => new APIError('Duyệt bài: bài đang công khai, hãy gỡ xuất bản trước khi trả lại.', 400, undefined, true)

/**
 * Keeps each review step (submitted, returned with its note, approved, published, unpublished)
 * with who and when, lets only editors decide, and records who created the article.
 */
export const recordReview: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, operation, req }) => {
  const user = req.user?.collection === 'users' ? req.user : null
  if (operation === 'create' && user && !data.createdBy) data.createdBy = user.id

  const wasPublished = await isPublished(req, originalDoc)
  const steps = reviewSteps({
    previousState: (originalDoc?.reviewState ?? 'drafting') as ReviewState,
    nextState: (data.reviewState ?? 'drafting') as ReviewState,
    wasPublished,
    publishes: data._status === 'published',
    unpublishes: data._status === 'draft' && !savesDraftOnly(req),
  })
  const history = readHistory(originalDoc?.reviewHistory)
  data.reviewHistory = history
  if (steps.length === 0) return data

  if (user && !hasRole(user, 'admin', 'editor') && steps.some((step) => EDITORIAL_STEPS.includes(step))) throw new Forbidden(req.t)
  const note = typeof data.reviewNote === 'string' ? data.reviewNote.trim() : ''
  if (steps.includes('returned')) {
    if (!note) throw returnNoteMissing()
    if (wasPublished && (data._status !== 'draft' || savesDraftOnly(req))) throw returnWhilePublic()
  }
  // The note stays at the top of the reporter's edit view until the article is sent again.
  if (steps.includes('submitted')) data.reviewNote = null

  const at = new Date().toISOString()
  const byName = user ? user.name || user.email : 'Hệ thống'
  const entries: ReviewEntry[] = steps.map((step) => ({ step, at, by: user?.id ?? null, byName, ...(step === 'returned' ? { note } : {}) }))
  data.reviewHistory = [...history, ...entries]
  return data
}
