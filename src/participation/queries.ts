import type { Payload } from 'payload'

import type { QuestionField, Site } from '../payload-types.ts'
import type { QuestionStatus } from './statuses.ts'

import { followUpHash } from './keys.ts'

/** The site's fields ("lĩnh vực") in their order, for the form. */
export async function findQuestionFields(payload: Payload, site: Site): Promise<Pick<QuestionField, 'id' | 'name'>[]> {
  const found = await payload.find({
    collection: 'question-fields',
    where: { site: { equals: site.id } },
    sort: ['order', 'name'],
    limit: 200,
    // A site has a few dozen fields: no count of them is needed (one statement less per form POST).
    pagination: false,
    depth: 0,
    select: { name: true },
    overrideAccess: false,
  })
  return found.docs.map((doc) => ({ id: doc.id, name: doc.name }))
}

/** What the holder of a follow-up link may see: the reference, the title, the stage and the unit. */
export type FollowUpStatus = {
  reference: string
  title: string
  receivedAt: string
  stage: 'received' | 'handling' | 'answered' | 'closed'
  unit?: string
}

const STAGES: Record<QuestionStatus, FollowUpStatus['stage']> = {
  new: 'received',
  assigned: 'handling',
  answered: 'handling',
  approved: 'handling',
  published: 'answered',
  rejected: 'closed',
}

/** A question found by the token of its follow-up link (only the token's hash is stored), or undefined. */
export async function findFollowUp(payload: Payload, site: Site, token: string): Promise<FollowUpStatus | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
  // server rights: the token is the holder's key to this one question's status; only the fields
  // shown on the status page are selected, never contact details
  const found = await payload.find({
    collection: 'questions',
    where: { and: [{ site: { equals: site.id } }, { followUpHash: { equals: followUpHash(token) } }] },
    select: { reference: true, title: true, receivedAt: true, status: true, assignedUnit: true },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const question = found.docs[0]
  if (!question) return undefined
  const stage = STAGES[question.status as QuestionStatus]
  return {
    reference: question.reference,
    title: question.title,
    receivedAt: question.receivedAt,
    stage,
    unit: stage === 'handling' || stage === 'answered' ? (question.assignedUnit ?? undefined) : undefined,
  }
}
