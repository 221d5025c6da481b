import type { Payload, PayloadRequest, Where } from 'payload'

import type { Question, QuestionField } from '../../payload-types.ts'
import type { Id, PublicQuestion, QuestionSummary } from './records.ts'
import type { StoredRecord } from './store.ts'

import { slugify, toSearchText } from '../../lib/vietnamese.ts'
import { pageTags } from '../cache/tags.ts'
import { record } from './project.ts'
import { readStoreOf, scopeOf } from './store.ts'
import { addPurge, type Purges, purgeAfterCommit, write } from './sync.ts'

/** The asker's name as they agreed: initials ("N.V.A."), the full name, or none. */
export function shownName(name: string, display: Question['nameDisplay']): string {
  if (display === 'full') return name
  if (display === 'anonymous') return 'Người hỏi giấu tên'
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word[0]!.toLocaleUpperCase('vi')}.`)
    .join('')
  return initials || 'Người hỏi giấu tên'
}

export const questionSlug = (reference: string) => slugify(reference)

/** The listing of a field ("lĩnh vực") in the read model. */
export const fieldList = (fieldId: Id) => `field:${fieldId}`

/** The public record of a published question: title, question, answer, field, unit, dates and the shortened name. */
export function projectQuestion(doc: Question): StoredRecord {
  const field = doc.field && typeof doc.field === 'object' ? (doc.field as QuestionField) : undefined
  const site = typeof doc.site === 'object' && doc.site ? doc.site.id : doc.site!
  const summary: QuestionSummary = {
    id: doc.id,
    slug: questionSlug(doc.reference),
    reference: doc.reference,
    title: doc.title,
    field: field ? { id: field.id, name: field.name } : null,
    askedBy: shownName(doc.askerName, doc.nameDisplay),
    unit: doc.assignedUnit ?? null,
    publishedAt: doc.publishedAt ?? doc.updatedAt,
  }
  const data: Omit<PublicQuestion, keyof QuestionSummary> = { site, body: doc.body, answer: doc.answer ?? '', askedAt: doc.receivedAt, answeredAt: doc.answeredAt ?? null }
  return record({
    kind: 'question',
    id: String(doc.id),
    site: String(site),
    slug: summary.slug,
    sortAt: summary.publishedAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(summary),
    data: JSON.stringify(data),
    searchTitle: toSearchText(doc.title),
    searchText: toSearchText(`${doc.title} ${doc.body} ${doc.answer ?? ''}`),
    lists: field ? [fieldList(field.id)] : [],
  })
}

/** The fields a public record is made of; contact details, notes and history are never selected. */
const PUBLIC_FIELDS = {
  site: true,
  reference: true,
  status: true,
  title: true,
  body: true,
  answer: true,
  field: true,
  askerName: true,
  nameDisplay: true,
  assignedUnit: true,
  receivedAt: true,
  answeredAt: true,
  publishedAt: true,
  updatedAt: true,
} as const

/** Published questions only: feedback ("Góp ý") shares the collection and is never public. */
const PUBLISHED_QUESTION: Where = { and: [{ status: { equals: 'published' } }, { kind: { equals: 'question' } }] }

/** Rewrites the records of these questions: published ones are in the read model, others are not. */
export async function refreshQuestions(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  const { payload } = req
  if (ids.length === 0) return purges
  // server rights: questions are never readable through the API; only published ones and only
  // the public fields above are projected (the asker's name leaves here shortened as they agreed)
  const found = await payload.find({
    collection: 'questions',
    where: { and: [{ id: { in: ids } }, PUBLISHED_QUESTION] },
    select: PUBLIC_FIELDS,
    depth: 1,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req: { transactionID: req.transactionID, context: req.context },
  })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as Question]))
  const store = readStoreOf(payload)
  const scope = await scopeOf(req)
  for (const id of ids.map(String)) {
    const doc = byId.get(id)
    const change = await write(store, scope, 'question', id, doc ? projectQuestion(doc) : undefined)
    if (!change) continue
    for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, [pageTags.question(id), pageTags.questions])
  }
  return purges
}

export async function questionChanged(req: PayloadRequest, id: Id): Promise<void> {
  await purgeAfterCommit(req, await refreshQuestions(req, [id]))
}

/** After a field was renamed or deleted: the published questions listed under it. */
export async function questionFieldChanged(req: PayloadRequest, fieldId: Id, site: Id | undefined): Promise<void> {
  if (site === undefined) return
  const members = await readStoreOf(req.payload).members(await scopeOf(req), String(site), fieldList(fieldId))
  const ids = members.filter((member) => member.kind === 'question').map((member) => member.id)
  // The listing's field filter shows every field of the site, with or without questions.
  const purges: Purges = new Map([[String(site), new Set<string>([pageTags.questions])]])
  await purgeAfterCommit(req, await refreshQuestions(req, ids, purges))
}

/** Ids of every published question (a rebuild). */
export async function publishedQuestionIds(payload: Payload): Promise<Id[]> {
  // server rights: only the ids of published questions
  const found = await payload.find({ collection: 'questions', where: PUBLISHED_QUESTION, select: {}, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  return found.docs.map((doc) => doc.id)
}
