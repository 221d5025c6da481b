import type { Payload, TaskConfig, Where } from 'payload'

import { env } from '../config/env.ts'
import { eraseCommentContact, eraseQuestionContact } from './personalData.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** Records erased per read: bounded memory, and each one is its own short write. */
const BATCH = 100

const notErased: Where = { contactErasedAt: { exists: false } }

/**
 * Closed longer than the retention: a question published (since `publishedAt`), a question or
 * feedback rejected, or feedback answered (its last step). A rejection is dated by the last
 * change, so an edit after it only keeps the details longer, never shorter.
 */
export function closedQuestionsBefore(before: string): Where {
  return {
    and: [
      notErased,
      {
        or: [
          { and: [{ status: { equals: 'published' } }, { publishedAt: { less_than: before } }] },
          { and: [{ status: { equals: 'rejected' } }, { updatedAt: { less_than: before } }] },
          { and: [{ kind: { equals: 'feedback' } }, { status: { equals: 'answered' } }, { answeredAt: { less_than: before } }] },
        ],
      },
    ],
  }
}

export type RetentionResult = { questions: number; comments: number }

/**
 * Erases the contact details of citizens' submissions closed more than `days` ago: questions and
 * feedback (see `closedQuestionsBefore`) and comments on drafts whose comment period ended. Runs
 * again harmlessly: erased records are marked and skipped. Logs counts only.
 */
export async function eraseExpiredContacts(payload: Payload, { now = new Date(), days = env().contactRetentionDays } = {}): Promise<RetentionResult> {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString()
  const result: RetentionResult = { questions: 0, comments: 0 }

  // A record that cannot be written is logged by id, skipped in later batches, and tried again tomorrow.
  const failed: (number | string)[] = []
  const skipFailed = (where: Where): Where => (failed.length ? { and: [where, { id: { not_in: failed } }] } : where)
  async function eraseEach<T extends { id: number | string }>(docs: T[], erase: (doc: T) => Promise<void>): Promise<number> {
    let erased = 0
    for (const doc of docs) {
      try {
        await erase(doc)
        erased += 1
      } catch (error) {
        failed.push(doc.id)
        payload.logger.error({ msg: 'contact details not erased', id: doc.id, error: (error as Error).message })
      }
    }
    return erased
  }

  for (;;) {
    // server rights: the retention job reads closed questions of every site, to erase their contacts.
    const { docs } = await payload.find({ collection: 'questions', where: skipFailed(closedQuestionsBefore(before)), overrideAccess: true, depth: 0, limit: BATCH, sort: 'id' })
    result.questions += await eraseEach(docs, (doc) => eraseQuestionContact(payload, doc, { now }))
    if (docs.length < BATCH) break
  }

  // server rights: the close dates of every site's drafts, to find comments past their retention.
  const closed = await payload.find({ collection: 'consultations', where: { closesAt: { less_than: before } }, overrideAccess: true, depth: 0, pagination: false, select: { closesAt: true } })
  const consultations = closed.docs.map((doc) => doc.id)
  for (;;) {
    if (consultations.length === 0) break
    const where: Where = { and: [notErased, { consultation: { in: consultations } }] }
    // server rights: comments of closed drafts on every site, read only to erase their contacts.
    const { docs } = await payload.find({ collection: 'consultation-comments', where: skipFailed(where), overrideAccess: true, depth: 0, limit: BATCH, sort: 'id' })
    result.comments += await eraseEach(docs, (doc) => eraseCommentContact(payload, doc, { now }))
    if (docs.length < BATCH) break
  }

  payload.logger.info({ msg: 'expired contact details erased', days, questions: result.questions, comments: result.comments, failed: failed.length })
  return result
}

/** Runs the erasure once a day on the default queue (the server's job runner). */
export const eraseExpiredContactsTask = (): TaskConfig => ({
  slug: 'eraseExpiredContacts',
  label: 'Xóa thông tin liên hệ quá hạn lưu',
  retries: 0,
  schedule: [{ cron: '45 3 * * *', queue: 'default' }],
  outputSchema: [
    { name: 'questions', type: 'number' },
    { name: 'comments', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await eraseExpiredContacts(req.payload) }),
})
