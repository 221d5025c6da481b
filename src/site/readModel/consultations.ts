import type { Payload, PayloadRequest } from 'payload'

import type { Consultation, ConsultationComment, Unit } from '../../payload-types.ts'
import type { ConsultationSummary, Id, PublicConsultation, PublicConsultationComment } from './records.ts'
import type { StoredRecord } from './store.ts'

import { toSearchText } from '../../lib/vietnamese.ts'
import { pageTags } from '../cache/tags.ts'
import { richTextToHtml } from '../richText.ts'
import { approvedList, receivedList } from './consultationLists.ts'
import { filesOf, publicFiles } from './documents.ts'
import { record } from './project.ts'
import { readStoreOf, scopeOf } from './store.ts'
import { addPurge, asPublic, purgeAfterCommit, type Purges, write } from './sync.ts'

/**
 * Drafts put out for comment and their comments in the read model. A draft's record is what the
 * public reads of it (published only). Every comment received has a record listed under
 * `received:<draft>`, so the page counts them without a shared counter to race on; only approved
 * ones carry their text (and only the public fields) and are listed under `approved:<draft>`.
 */

const idOf = (value: Id | { id: Id } | null | undefined): Id | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value


/** The record of a published draft (depth 1: its unit and files populated). */
export function projectConsultation(doc: Consultation, filesById: Parameters<typeof publicFiles>[1]): StoredRecord {
  const unit = doc.draftingUnit && typeof doc.draftingUnit === 'object' ? (doc.draftingUnit as Unit) : undefined
  const site = String(idOf(doc.site))
  const summary: ConsultationSummary = {
    id: doc.id,
    slug: doc.slug ?? String(doc.id),
    title: doc.title,
    draftingBody: unit?.name ?? doc.draftingBody ?? null,
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
  }
  const files = publicFiles(doc.files, filesById)
  const page: Omit<PublicConsultation, keyof ConsultationSummary> = {
    site: idOf(doc.site)!,
    updatedAt: doc.updatedAt,
    summary: doc.summary,
    points: (doc.points ?? []).map((point) => ({ id: String(point.id), title: point.title, text: point.text ?? '' })),
    files,
    reportHtml: doc.report ? richTextToHtml(doc.report, 0) : '',
  }
  return record({
    kind: 'consultation',
    id: String(doc.id),
    site,
    slug: summary.slug,
    sortAt: doc.closesAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(summary),
    data: JSON.stringify(page),
    searchTitle: toSearchText(doc.title),
    searchText: toSearchText(`${doc.title} ${doc.summary}`),
    // Rewritten when a file it offers or its drafting unit changes.
    lists: [...files.map((file) => `dfile:${file.id}`), ...(unit ? [`dunit:${unit.id}`] : [])],
  })
}

/** A comment's record: approved ones carry their public fields, the others only count. */
export function projectComment(doc: ConsultationComment): StoredRecord {
  const consultation = idOf(doc.consultation)!
  const approved = doc.status === 'approved'
  const comment: PublicConsultationComment | Record<string, never> = approved
    ? { id: doc.id, name: doc.name, organisation: doc.organisation ?? null, point: doc.point ?? null, pointTitle: doc.pointTitle ?? null, comment: doc.comment, receivedAt: doc.receivedAt }
    : {}
  return record({
    kind: 'consultationComment',
    id: String(doc.id),
    site: String(idOf(doc.site)),
    slug: null,
    sortAt: doc.receivedAt,
    updatedAt: approved ? doc.updatedAt : doc.receivedAt,
    summary: JSON.stringify(comment),
    data: '{}',
    searchTitle: '',
    searchText: '',
    lists: approved ? [receivedList(consultation), approvedList(consultation)] : [receivedList(consultation)],
  })
}

/** Rewrites these drafts' records from what the public reads of them (published versions only). */
export async function refreshConsultations(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  if (ids.length === 0) return purges
  const found = await req.payload.find({ collection: 'consultations', overrideAccess: false, where: { id: { in: ids } }, depth: 1, limit: ids.length, pagination: false, req: asPublic(req) })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as Consultation]))
  const filesById = await filesOf(req, found.docs as Consultation[])
  const store = readStoreOf(req.payload)
  const scope = await scopeOf(req)
  for (const id of ids.map(String)) {
    const doc = byId.get(id)
    const change = await write(store, scope, 'consultation', id, doc?.site ? projectConsultation(doc, filesById) : undefined)
    if (!change) continue
    for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, [pageTags.consultation(id), pageTags.consultations])
  }
  return purges
}

/** The fields a comment's record is made of; contact details and the address hash are never selected. */
const PUBLIC_COMMENT_FIELDS = { site: true, consultation: true, point: true, pointTitle: true, status: true, name: true, organisation: true, comment: true, receivedAt: true, updatedAt: true } as const

/** Rewrites these comments' records (a deleted comment's record goes). */
export async function refreshComments(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  if (ids.length === 0) return purges
  // server rights: every comment counts; only the public fields above are read and only approved
  // comments' text reaches a record
  const found = await req.payload.find({
    collection: 'consultation-comments',
    where: { id: { in: ids } },
    select: PUBLIC_COMMENT_FIELDS,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req: asPublic(req),
  })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as ConsultationComment]))
  const store = readStoreOf(req.payload)
  const scope = await scopeOf(req)
  for (const id of ids.map(String)) {
    const doc = byId.get(id)
    const change = await write(store, scope, 'consultationComment', id, doc?.site && doc.consultation ? projectComment(doc) : undefined)
    if (!change) continue
    for (const side of [change.before, change.after]) {
      if (!side) continue
      const consultation = side.lists.find((list) => list.startsWith('received:'))?.slice('received:'.length)
      addPurge(purges, side.site, consultation ? [pageTags.consultation(consultation)] : [])
    }
  }
  return purges
}

export async function consultationChanged(req: PayloadRequest, id: Id): Promise<void> {
  await purgeAfterCommit(req, await refreshConsultations(req, [id]))
}

export async function commentChanged(req: PayloadRequest, id: Id): Promise<void> {
  await purgeAfterCommit(req, await refreshComments(req, [id]))
}

/** After an attached file (`dfile:<id>`) or a drafting unit (`dunit:<id>`) changed: the drafts that show it. */
export async function consultationSourceChanged(req: PayloadRequest, list: string, site: Id | undefined): Promise<void> {
  if (site === undefined) return
  const members = await readStoreOf(req.payload).members(await scopeOf(req), String(site), list)
  const ids = members.filter((member) => member.kind === 'consultation').map((member) => member.id)
  await purgeAfterCommit(req, await refreshConsultations(req, ids))
}

/** Ids of every comment (a rebuild: each one counts, approved or not). */
export async function commentIds(payload: Payload): Promise<Id[]> {
  // server rights: ids only of every comment, for the rebuild; no field of them is read here.
  const found = await payload.find({ collection: 'consultation-comments', select: {}, depth: 0, limit: 0, pagination: false, overrideAccess: true })
  return found.docs.map((doc) => doc.id)
}
