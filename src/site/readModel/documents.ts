import crypto from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { Document, DocumentFile, DocumentTerm as DocumentTermDoc } from '../../payload-types.ts'
import type { DocumentLink, DocumentSummary, DocumentTerm, Id, PublicDocument, PublicDocumentFile } from './records.ts'
import type { StoredRecord } from './store.ts'

import { vietnamDay } from '../../documents/validity.ts'
import { pageTags } from '../cache/tags.ts'
import { richTextToHtml } from '../richText.ts'
import { inTransaction } from './transaction.ts'
import { readStoreOf, scopeOf } from './store.ts'
import { addPurge, asPublic, purgeAfterCommit, type Purges, refreshArticles, write } from './sync.ts'

/**
 * Legal documents of the register ("Văn bản") and the entries of its lists in the read model:
 * projected from what the public reads (Local API, anonymous, depth 1) and written in the
 * transaction of the change, like articles (src/site/readModel/sync.ts).
 */

const idOf = (value: Id | { id: Id } | null | undefined): Id | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value

const populated = <T extends object>(items: (Id | T)[] | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

type Joined = { docs?: (Id | Document)[] | null } | null | undefined

const link = (doc: Document): DocumentLink => ({ id: doc.id, slug: doc.slug ?? '', number: doc.number, abstract: doc.abstract, issuedAt: doc.issuedAt })
/** Related documents the public may read (drafts come back as bare ids and are left out). */
const links = (items: (Id | Document)[] | null | undefined) => populated<Document>(items).filter((doc) => doc._status === 'published').map(link)

function digestOf(base: Omit<StoredRecord, 'digest'>): StoredRecord {
  const parts = [base.site, base.slug, base.sortAt, base.updatedAt, base.summary, base.data, base.searchTitle, base.searchText, base.lists.join(','), JSON.stringify(base.register ?? null)]
  return { ...base, digest: crypto.createHash('sha1').update(parts.join('\u0000')).digest('base64url') }
}

const termTitle = (term: Id | DocumentTermDoc | null | undefined) => (term && typeof term === 'object' ? term.title : '')

/** The attached files as pages list them (name, type, size), in the order given. */
export function publicFiles(files: Document['files'], filesById: Map<string, DocumentFile>): PublicDocumentFile[] {
  return (files ?? [])
    .map((file) => filesById.get(String(idOf(file))))
    .filter((file): file is DocumentFile => Boolean(file?.filename))
    .map((file) => ({ id: file.id, filename: file.filename!, originalName: file.originalName ?? file.filename!, mimeType: file.mimeType ?? '', filesize: file.filesize ?? 0 }))
}

/** The record of a published legal document (depth 1, joins included) with its attached files. */
export function projectDocument(doc: Document, filesById: Map<string, DocumentFile>): StoredRecord {
  const summary: DocumentSummary = {
    id: doc.id,
    slug: doc.slug ?? '',
    number: doc.number,
    abstract: doc.abstract,
    type: termTitle(doc.type),
    issuer: termTitle(doc.issuer),
    issuedAt: doc.issuedAt,
    effectiveAt: doc.effectiveAt ?? null,
    expiresAt: doc.expiresAt ?? null,
    validityOverride: doc.validityOverride ?? null,
  }
  const files = publicFiles(doc.files, filesById)
  const page: Omit<PublicDocument, keyof DocumentSummary> = {
    site: idOf(doc.site)!,
    updatedAt: doc.updatedAt,
    field: termTitle(doc.field) || null,
    signer: doc.signer ?? null,
    bodyHtml: doc.body ? richTextToHtml(doc.body, 0) : '',
    files,
    replaces: links(doc.replaces),
    amends: links(doc.amends),
    replacedBy: links((doc.replacedBy as Joined)?.docs),
    amendedBy: links((doc.amendedBy as Joined)?.docs),
  }
  // Every document named either way, published or not: when one changes, this record is rewritten.
  const related = [doc.replaces, doc.amends, (doc.replacedBy as Joined)?.docs, (doc.amendedBy as Joined)?.docs].flatMap((items) => (items ?? []).map((item) => idOf(item)))
  const terms = [doc.type, doc.issuer, doc.field].map((term) => idOf(term)).filter((id) => id !== undefined)
  const lists = [`number:${doc.numberKey ?? ''}`, ...terms.map((id) => `dterm:${id}`), ...files.map((file) => `dfile:${file.id}`), ...related.filter((id) => id !== undefined).map((id) => `drel:${id}`)]
  return digestOf({
    kind: 'document',
    id: String(doc.id),
    site: String(page.site),
    slug: summary.slug,
    sortAt: doc.issuedAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(summary),
    data: JSON.stringify(page),
    searchTitle: ` ${doc.numberKey ?? ''} `,
    searchText: doc.searchText ?? '',
    lists: [...new Set(lists)],
    register: {
      type: String(idOf(doc.type)),
      issuer: String(idOf(doc.issuer)),
      field: idOf(doc.field) === undefined ? null : String(idOf(doc.field)),
      year: vietnamDay(doc.issuedAt).slice(0, 4),
      issuedAt: doc.issuedAt,
      effectiveDay: vietnamDay(doc.effectiveAt ?? doc.issuedAt),
      expiresDay: doc.expiresAt ? vietnamDay(doc.expiresAt) : null,
      validityOverride: doc.validityOverride ?? null,
      numberKey: doc.numberKey ?? '',
    },
  })
}

export function projectDocumentTerm(doc: DocumentTermDoc): StoredRecord {
  const term: DocumentTerm = { id: doc.id, slug: doc.slug, title: doc.title, group: doc.group, order: doc.order ?? 100 }
  return digestOf({
    kind: 'documentTerm',
    id: String(doc.id),
    site: String(idOf(doc.site)),
    slug: doc.slug,
    sortAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(term),
    data: '{}',
    searchTitle: '',
    searchText: '',
    lists: [],
  })
}

/**
 * The files of these published documents. Files are not readable by the public through the API
 * (a draft's files would be), so they are read here with server rights, and only those that a
 * published document offers reach its page.
 */
export async function filesOf(req: PayloadRequest, docs: Pick<Document, 'files'>[]): Promise<Map<string, DocumentFile>> {
  const ids = [...new Set(docs.flatMap((doc) => (doc.files ?? []).map((file) => idOf(file)!)))]
  if (ids.length === 0) return new Map()
  // server rights: see above; only files named by documents the public reads.
  const found = await req.payload.find({ collection: 'document-files', overrideAccess: true, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, req: { transactionID: req.transactionID } })
  return new Map(found.docs.map((file) => [String(file.id), file]))
}

const relatedIn = (lists: string[] | undefined) => (lists ?? []).filter((list) => list.startsWith('drel:')).map((list) => list.slice('drel:'.length))

/** Rewrites these documents' records; answers the ids of the documents they name, before or after. */
export async function refreshDocuments(req: PayloadRequest, ids: Id[], purges: Purges): Promise<Set<string>> {
  return (await refreshDocumentsWithNumbers(req, ids, purges)).named
}

/** As refreshDocuments, with the numbers (`site|number:<key>`) of the records that changed, before and after. */
async function refreshDocumentsWithNumbers(req: PayloadRequest, ids: Id[], purges: Purges): Promise<{ named: Set<string>; numbers: Set<string> }> {
  const store = readStoreOf(req.payload)
  const scope = await scopeOf(req)
  const named = new Set<string>()
  const numbers = new Set<string>()
  if (ids.length === 0) return { named, numbers }
  const found = await req.payload.find({
    collection: 'documents',
    overrideAccess: false,
    where: { id: { in: ids } },
    depth: 1,
    limit: ids.length,
    pagination: false,
    req: asPublic(req),
  })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as Document]))
  const filesById = await filesOf(req, found.docs as Document[])
  for (const id of ids.map(String)) {
    const doc = byId.get(id)
    const next = doc?.site ? projectDocument(doc, filesById) : undefined
    const change = await write(store, scope, 'document', id, next)
    if (!change) continue
    for (const side of [change.before, change.after]) {
      if (!side) continue
      addPurge(purges, side.site, [pageTags.document(id), pageTags.documents])
      for (const other of relatedIn(side.lists)) named.add(other)
      for (const list of side.lists) if (list.startsWith('number:')) numbers.add(`${side.site}|${list}`)
    }
  }
  return { named, numbers }
}

/**
 * After a legal document changed or was deleted: its record, those of the documents it names
 * either way, and the articles that name its number (their links to it come or go).
 */
export async function documentChanged(req: PayloadRequest, id: Id): Promise<void> {
  const purges: Purges = new Map()
  const { named, numbers } = await refreshDocumentsWithNumbers(req, [id], purges)
  named.delete(String(id))
  await refreshDocuments(req, [...named], purges)
  await refreshMentioningArticles(req, numbers, purges)
  await purgeAfterCommit(req, purges)
}

/** Articles of a site whose bodies name these numbers (`site|number:<key>` entries). */
async function refreshMentioningArticles(req: PayloadRequest, numbers: Set<string>, purges: Purges): Promise<void> {
  const store = readStoreOf(req.payload)
  const scope = await scopeOf(req)
  const ids = new Set<string>()
  for (const entry of numbers) {
    const [site, list] = entry.split('|') as [string, string]
    for (const member of await store.members(scope, site, list)) if (member.kind === 'article') ids.add(member.id)
  }
  if (ids.size > 0) await refreshArticles(req, [...ids], purges)
}

/** After a bulk load that deferred the sync (`deferDocumentSync`): these documents and those they name, in one transaction. */
export async function documentsLoaded(payload: Payload, ids: Id[]): Promise<void> {
  await inTransaction(payload, async (req) => {
    const purges: Purges = new Map()
    const { named, numbers } = await refreshDocumentsWithNumbers(req, ids, purges)
    for (const id of ids) named.delete(String(id))
    await refreshDocuments(req, [...named], purges)
    await refreshMentioningArticles(req, numbers, purges)
    await purgeAfterCommit(req, purges)
  })
}

async function refreshMemberDocuments(req: PayloadRequest, site: string, list: string, purges: Purges): Promise<void> {
  const members = await readStoreOf(req.payload).members(await scopeOf(req), site, list)
  await refreshDocuments(req, members.filter((member) => member.kind === 'document').map((member) => member.id), purges)
}

/** After an entry of the register's lists changed: its record, then the documents filed under it. */
export async function documentTermChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  const purges: Purges = new Map()
  await refreshDocumentTerms(req, [id], purges)
  if (site !== undefined) await refreshMemberDocuments(req, String(site), `dterm:${id}`, purges)
  await purgeAfterCommit(req, purges)
}

export async function refreshDocumentTerms(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<void> {
  for (const id of ids) {
    const found = await req.payload.find({ collection: 'document-terms', overrideAccess: false, where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, req: asPublic(req) })
    const doc = found.docs[0]
    const change = await write(readStoreOf(req.payload), await scopeOf(req), 'documentTerm', String(id), doc?.site ? projectDocumentTerm(doc) : undefined)
    if (!change) continue
    for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, [pageTags.documents])
  }
}

/** After an attached file changed (renamed, replaced): the documents that offer it. */
export async function documentFileChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  if (site === undefined) return
  const purges: Purges = new Map()
  await refreshMemberDocuments(req, String(site), `dfile:${id}`, purges)
  await purgeAfterCommit(req, purges)
}
