import type { Payload, PayloadRequest } from 'payload'

import type { SubmissionKind } from './statuses.ts'

import { TIME_ZONE } from '../lib/dates.ts'

// Made once: building a formatter with a time zone costs more than the rest of numbering a question.
const YEAR = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: TIME_ZONE })

export const yearOf = (now: Date) => Number(YEAR.format(now))

/** Questions are numbered "HĐ-…", feedback "GY-…", each kind on its own counter. */
export const REFERENCE_PREFIXES: Record<SubmissionKind, string> = { question: 'HĐ', feedback: 'GY' }

/** The counter of a site, year and kind; `ensureCounter` it before the transaction that takes a number. */
export const counterKey = (siteId: number | string, now: Date, kind: SubmissionKind = 'question') =>
  kind === 'question' ? `${siteId}:${yearOf(now)}` : `${siteId}:${yearOf(now)}:${kind}`

export const formatReference = (year: number, number: number, kind: SubmissionKind = 'question') => `${REFERENCE_PREFIXES[kind]}-${year}-${String(number).padStart(6, '0')}`

/** Counters known to exist, per Payload instance: rows are never deleted while it runs. */
const knownCounters = new WeakMap<Payload, Set<string>>()

/**
 * Makes sure the site's counter for the year exists (outside any transaction: a lost race is fine).
 * Asks the database once per counter and process; later submissions go straight to the increment.
 */
export async function ensureCounter(payload: Payload, key: string): Promise<void> {
  let known = knownCounters.get(payload)
  if (!known) knownCounters.set(payload, (known = new Set()))
  if (known.has(key)) return
  await createCounterIfMissing(payload, key)
  known.add(key)
}

async function createCounterIfMissing(payload: Payload, key: string): Promise<void> {
  // server rights: the counter rows of question references; only whether this one exists
  const existing = await payload.db.findOne({ collection: 'question-counters', where: { key: { equals: key } } })
  if (existing) return
  try {
    const at = new Date().toISOString()
    // server rights: creates the year's counter at zero; nothing of a question is read or written
    await payload.db.create({ collection: 'question-counters', data: { key, value: 0, createdAt: at, updatedAt: at }, returning: false })
  } catch (error) {
    // Another submission created it at the same moment; anything else is a real failure.
    // server rights: only whether the counter now exists, after a concurrent creation
    if (!(await payload.db.findOne({ collection: 'question-counters', where: { key: { equals: key } } }))) throw error
  }
}

/**
 * The next reference of a site and year: one atomic `value = value + 1` on the counter row inside
 * the submission's transaction, so concurrent submissions get distinct, consecutive numbers (the row
 * stays locked until the question is written; a failed submission gives its number back).
 */
export async function nextReference(payload: Payload, req: PayloadRequest, siteId: number | string, now: Date, kind: SubmissionKind = 'question'): Promise<string> {
  const year = yearOf(now)
  const key = counterKey(siteId, now, kind)
  // server rights: one atomic increment of the site's reference counter; only its number leaves
  const counter = (await payload.db.updateOne({
    collection: 'question-counters',
    where: { key: { equals: key } },
    data: { value: { $inc: 1 } },
    options: { atomic: true },
    req,
  })) as { value?: number } | null
  if (!counter?.value) throw new Error(`question counter ${key} is missing`)
  return formatReference(year, counter.value, kind)
}
