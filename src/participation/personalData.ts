import type { Payload, PayloadRequest, Where } from 'payload'

import type { ConsultationComment, Question } from '../payload-types.ts'

import { shownName } from '../site/readModel/questions.ts'
import { plainText } from './text.ts'

/**
 * Personal data of citizens' submissions (Decree 13/2023/NĐ-CP): questions and feedback
 * (`questions`) and comments on drafts (`consultation-comments`). Erasing removes the contact
 * details and keeps what the public already sees: the question, its answer, the comment, and the
 * name exactly as it was published.
 */

/** Stands in for the sender's name where no name was published. */
export const ERASED_NAME = 'Người gửi'

/** Whom to look for: an e-mail or a phone number, normalised as the forms store them. */
export type ContactKey = { email: string } | { phone: string }

/** The phone pattern the forms accept (src/participation/questionForm.ts), separators removed. */
const PHONE = /^(?:\+?84|0)\d{9,10}$/
const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/

/**
 * The key from a request body `{ email }` or `{ phone }`, cleaned as the forms clean them (plain
 * text, NFC, trimmed; a phone without spaces, dots, dashes or brackets). Undefined when neither is valid.
 */
export function contactKeyOf(body: Record<string, unknown>): ContactKey | undefined {
  const email = typeof body.email === 'string' ? plainText(body.email) : ''
  const phone = typeof body.phone === 'string' ? plainText(body.phone).replace(/[\s.\-()]/g, '') : ''
  if (email && !phone) return EMAIL.test(email) && email.length <= 254 ? { email } : undefined
  if (phone && !email) return PHONE.test(phone) ? { phone } : undefined
  return undefined
}

/** The spellings one Vietnamese number may be stored under (0…, 84…, +84…): the form keeps what was typed. */
export function phoneSpellings(phone: string): string[] {
  const national = phone.replace(/^\+?84/, '0')
  const rest = national.slice(1)
  return [national, `84${rest}`, `+84${rest}`]
}

/**
 * A filter for submissions with this contact. E-mail case is not part of an address a person
 * recognises, so e-mails are narrowed with `like` (case-insensitive on both databases) and then
 * matched exactly, ignoring case, by `matchesKey`.
 */
export function contactWhere(key: ContactKey): Where {
  if ('email' in key) return { email: { like: key.email } }
  return { phone: { in: phoneSpellings(key.phone) } }
}

export function matchesKey(key: ContactKey, doc: { email?: string | null; phone?: string | null }): boolean {
  if ('email' in key) return (doc.email ?? '').toLocaleLowerCase('vi') === key.email.toLocaleLowerCase('vi')
  return phoneSpellings(key.phone).includes(doc.phone ?? '')
}

/** What stays of a question's or a feedback's sender once the contact details are gone. */
export function erasedQuestionContact(doc: Pick<Question, 'askerName' | 'nameDisplay' | 'status' | 'kind'>, now: Date) {
  // A published question keeps the name as the public page shows it (initials become the stored name).
  const published = doc.status === 'published' && doc.kind !== 'feedback' && doc.nameDisplay !== 'anonymous'
  return {
    askerName: published ? shownName(doc.askerName, doc.nameDisplay) : ERASED_NAME,
    nameDisplay: published ? ('full' as const) : doc.nameDisplay,
    email: null,
    phone: null,
    address: null,
    ipHash: null,
    contactErasedAt: now.toISOString(),
  }
}

/** What stays of a comment's sender: an approved comment keeps the published name, others lose it. */
export function erasedCommentContact(doc: Pick<ConsultationComment, 'name' | 'status'>, now: Date) {
  return { name: doc.status === 'approved' ? doc.name : ERASED_NAME, email: null, phone: null, ipHash: null, contactErasedAt: now.toISOString() }
}

/**
 * Erases one question's or feedback's contact details. One update per record: the write and its
 * audit entry (field names only) commit together, so a record is never half-erased.
 */
export async function eraseQuestionContact(payload: Payload, doc: Question, { now = new Date(), req }: { now?: Date; req?: PayloadRequest } = {}): Promise<void> {
  // server rights: contact fields are written by nobody through the API; erasing is the system's.
  await payload.update({ collection: 'questions', id: doc.id, data: erasedQuestionContact(doc, now), overrideAccess: true, depth: 0, req })
}

export async function eraseCommentContact(payload: Payload, doc: ConsultationComment, { now = new Date(), req }: { now?: Date; req?: PayloadRequest } = {}): Promise<void> {
  // server rights: as above; the comment text and its published name stay.
  await payload.update({ collection: 'consultation-comments', id: doc.id, data: erasedCommentContact(doc, now), overrideAccess: true, depth: 0, req })
}

/** One submission as the person's export lists it. */
export type SubmissionExport = {
  type: 'question' | 'feedback' | 'consultationComment'
  id: number | string
  site: number | string | null
  reference?: string
  status: string
  receivedAt: string
  name: string
  email: string | null
  phone: string | null
  address?: string | null
  title?: string
  text: string
  answer?: string | null
  consultation?: number | string
  contactErasedAt: string | null
}

const idOf = (value: unknown): number | string | null => (value && typeof value === 'object' ? (value as { id: number | string }).id : ((value as number | string | null | undefined) ?? null))

/**
 * Every question, feedback and comment on a draft with this contact that `req.user` may read: the
 * site filter comes from the collections' access (editors see their sites, administrators all).
 */
export async function findSubmissionsOf(req: PayloadRequest, key: ContactKey): Promise<{ questions: Question[]; comments: ConsultationComment[] }> {
  const { payload, user } = req
  const [questions, comments] = await Promise.all([
    payload.find({ collection: 'questions', where: contactWhere(key), overrideAccess: false, user, depth: 0, pagination: false, sort: 'receivedAt' }),
    payload.find({ collection: 'consultation-comments', where: contactWhere(key), overrideAccess: false, user, depth: 0, pagination: false, sort: 'receivedAt' }),
  ])
  return { questions: questions.docs.filter((doc) => matchesKey(key, doc)), comments: comments.docs.filter((doc) => matchesKey(key, doc)) }
}

export function exportSubmissions({ questions, comments }: { questions: Question[]; comments: ConsultationComment[] }): SubmissionExport[] {
  return [
    ...questions.map((doc) => ({
      type: doc.kind ?? 'question',
      id: doc.id,
      site: idOf(doc.site),
      reference: doc.reference,
      status: doc.status,
      receivedAt: doc.receivedAt,
      name: doc.askerName,
      email: doc.email ?? null,
      phone: doc.phone ?? null,
      address: doc.address ?? null,
      title: doc.title,
      text: doc.body,
      answer: doc.answer ?? null,
      contactErasedAt: doc.contactErasedAt ?? null,
    })),
    ...comments.map((doc) => ({
      type: 'consultationComment' as const,
      id: doc.id,
      site: idOf(doc.site),
      status: doc.status,
      receivedAt: doc.receivedAt,
      name: doc.name,
      email: doc.email ?? null,
      phone: doc.phone ?? null,
      text: doc.comment,
      consultation: idOf(doc.consultation) ?? undefined,
      contactErasedAt: doc.contactErasedAt ?? null,
    })),
  ]
}

/** Erases the contact details of everything `findSubmissionsOf` finds for this key; returns how many. */
export async function eraseSubmissionsOf(req: PayloadRequest, key: ContactKey, now = new Date()): Promise<number> {
  const { questions, comments } = await findSubmissionsOf(req, key)
  for (const doc of questions) await eraseQuestionContact(req.payload, doc, { now, req })
  for (const doc of comments) await eraseCommentContact(req.payload, doc, { now, req })
  return questions.length + comments.length
}
