import type { Payload, PayloadRequest } from 'payload'

import type { Article, Author, Caption, Category, Tag } from '../../payload-types.ts'
import type { Id } from './records.ts'
import type { ReadStore, RecordKind, StoredHead, StoredRecord, WriteScope } from './store.ts'

import { afterCommit } from '../../db/afterCommit.ts'
import { pageTags } from '../cache/tags.ts'
import { contentEvents } from '../contentEvents.ts'
import type { RegisteredNumber } from '../../documents/mentions.ts'

import { refreshPeople } from './organisation.ts'
import { mentionLists, projectArticle, projectAuthor, projectCaption, projectTag } from './project.ts'
import { readStoreOf, scopeOf } from './store.ts'

/**
 * Keeps the read model equal to what the public may read. Every function reads its sources
 * through the Local API as an anonymous reader (`overrideAccess: false`, no user) inside the
 * transaction of the change, writes the records in that same transaction, and purges the pages
 * that show what changed once it commits.
 */

/** The change's transaction, without its user: the sources are read with the public's rights. */
export const asPublic = (req: PayloadRequest): Partial<PayloadRequest> => ({ transactionID: req.transactionID, context: req.context })

/** Page tags of a record's listings. */
function listTags(lists: string[]): string[] {
  const tags: string[] = []
  for (const list of lists) {
    const [kind, id] = list.split(':')
    if (list === 'featured') tags.push(pageTags.featured)
    else if (kind === 'category') tags.push(pageTags.category(id!))
    else if (kind === 'tag') tags.push(pageTags.tag(id!))
    else if (kind === 'author') tags.push(pageTags.author(id!))
  }
  return tags
}

export type Purges = Map<string, Set<string>>

export function addPurge(purges: Purges, site: string, tags: string[]): void {
  const set = purges.get(site) ?? new Set<string>()
  for (const tag of tags) set.add(tag)
  purges.set(site, set)
}

export async function purgeAfterCommit(req: PayloadRequest, purges: Purges): Promise<void> {
  if (purges.size === 0) return
  await afterCommit(req, () => {
    for (const [site, tags] of purges) contentEvents.emit('pagesChanged', { site, tags: [...tags] })
  })
}

/** Writes (or removes) one record; answers the heads before and after for purging. */
export async function write(store: ReadStore, scope: WriteScope, kind: RecordKind, id: string, next: StoredRecord | undefined) {
  const before = await store.head(scope, kind, id)
  if (next && before?.digest === next.digest) return undefined
  if (next) await store.put(scope, next, before)
  else if (before) await store.remove(scope, kind, id, before)
  else return undefined
  return { before, after: next }
}

const categoriesBySite = async (payload: Payload, req: PayloadRequest, site: Id): Promise<Category[]> =>
  (
    await payload.find({
      collection: 'categories',
      overrideAccess: false,
      where: { site: { equals: site } },
      depth: 0,
      limit: 500,
      pagination: false,
      req: asPublic(req),
    })
  ).docs

const BATCH = 100

/** Rewrites the records of these articles from what the public now reads of them. */
export async function refreshArticles(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  const { payload } = req
  const store = readStoreOf(payload)
  const scope = await scopeOf(req)
  const categories = new Map<string, Category[]>()
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH)
    const found = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { in: batch } },
      depth: 1,
      limit: batch.length,
      pagination: false,
      req: asPublic(req),
    })
    const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as Article]))
    const registered = await registeredNumbers(req, found.docs as Article[])
    for (const id of batch.map(String)) {
      const doc = byId.get(id)
      let next: StoredRecord | undefined
      if (doc?.site) {
        const site = String(typeof doc.site === 'object' ? doc.site.id : doc.site)
        if (!categories.has(site)) categories.set(site, await categoriesBySite(payload, req, site))
        next = projectArticle(doc, categories.get(site)!, registered.get(site))
      }
      const change = await write(store, scope, 'article', id, next)
      if (!change) continue
      for (const side of [change.before, change.after] as (StoredHead | undefined)[]) {
        if (!side) continue
        const tags = [pageTags.article(id), pageTags.newest, pageTags.search, pageTags.sitemap, pageTags.photos, ...listTags(side.lists)]
        addPurge(purges, side.site, tags)
      }
    }
  }
  return purges
}

/** Per site, the published documents whose numbers these articles name (for the links in their bodies). */
async function registeredNumbers(req: PayloadRequest, articles: Article[]): Promise<Map<string, Map<string, RegisteredNumber[]>>> {
  const bySite = new Map<string, Map<string, RegisteredNumber[]>>()
  const keysBySite = new Map<string, Set<string>>()
  for (const article of articles) {
    if (!article.site) continue
    const site = String(typeof article.site === 'object' ? article.site.id : article.site)
    const keys = keysBySite.get(site) ?? new Set<string>()
    for (const list of mentionLists(article.body)) keys.add(list.slice('number:'.length))
    keysBySite.set(site, keys)
  }
  for (const [site, keys] of keysBySite) {
    if (keys.size === 0) continue
    const found = await req.payload.find({
      collection: 'documents',
      overrideAccess: false,
      where: { and: [{ site: { equals: site } }, { numberKey: { in: [...keys] } }] },
      depth: 0,
      limit: 1000,
      pagination: false,
      select: { slug: true, issuedAt: true, numberKey: true },
      req: asPublic(req),
    })
    const registered = new Map<string, RegisteredNumber[]>()
    for (const doc of found.docs) {
      const list = registered.get(doc.numberKey ?? '') ?? []
      list.push({ slug: doc.slug ?? '', issuedAt: doc.issuedAt })
      registered.set(doc.numberKey ?? '', list)
    }
    bySite.set(site, registered)
  }
  return bySite
}

/** After an article's change or deletion (or once its publishing time has come). */
export async function articleChanged(req: PayloadRequest, ...ids: Id[]): Promise<void> {
  await purgeAfterCommit(req, await refreshArticles(req, ids))
}

/** Records that show `list` on a site, rewritten (a renamed tag, a replaced photo…). */
async function refreshMembers(req: PayloadRequest, site: string, list: string, purges: Purges): Promise<void> {
  const store = readStoreOf(req.payload)
  const members = await store.members(await scopeOf(req), site, list)
  const ids = (kind: RecordKind) => members.filter((member) => member.kind === kind).map((member) => member.id)
  await refreshArticles(req, ids('article'), purges)
  for (const id of ids('author')) await refreshTerm(req, 'author', id, purges)
  for (const id of ids('caption')) await refreshCaption(req, id, purges)
  await refreshPeople(req, ids('person'), purges)
}

type TermKind = 'author' | 'tag'

/** One document as the public reads it (depth 1), or undefined. */
async function findPublic(req: PayloadRequest, collection: 'authors' | 'captions' | 'tags', id: Id) {
  const found = await req.payload.find({ collection, overrideAccess: false, where: { id: { equals: id } }, depth: 1, limit: 1, pagination: false, req: asPublic(req) })
  return found.docs[0]
}

async function refreshTerm(req: PayloadRequest, kind: TermKind, id: Id, purges: Purges): Promise<void> {
  const { payload } = req
  const doc = await findPublic(req, kind === 'tag' ? 'tags' : 'authors', id)
  const next = doc?.site ? (kind === 'tag' ? projectTag(doc as Tag) : projectAuthor(doc as Author)) : undefined
  const change = await write(readStoreOf(payload), await scopeOf(req), kind, String(id), next)
  if (!change) return
  for (const side of [change.before, change.after]) {
    if (side) addPurge(purges, side.site, [kind === 'tag' ? pageTags.tag(id) : pageTags.author(id)])
  }
}

/** After a tag or an author changed: its own record, then the articles that show it. */
export async function termChanged(req: PayloadRequest, kind: TermKind, id: Id, site: Id | undefined): Promise<void> {
  const purges: Purges = new Map()
  await refreshTerm(req, kind, id, purges)
  if (site !== undefined) await refreshMembers(req, String(site), `${kind}:${id}`, purges)
  await purgeAfterCommit(req, purges)
}

/** After a category changed: its articles (titles, slugs and the category tree are in their records). */
export async function categoryChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  const purges: Purges = new Map()
  if (site !== undefined) {
    await refreshMembers(req, String(site), `category:${id}`, purges)
    // The menu shows every category: the whole site's pages.
    await afterCommit(req, () => contentEvents.emit('pagesChanged', { site: String(site) }))
  }
  await purgeAfterCommit(req, purges)
}

async function refreshCaption(req: PayloadRequest, id: Id, purges: Purges): Promise<void> {
  const doc = (await findPublic(req, 'captions', id)) as Caption | undefined
  const next = doc?.site ? projectCaption(doc) : undefined
  const change = await write(readStoreOf(req.payload), await scopeOf(req), 'caption', String(id), next)
  if (!change) return
  for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, [pageTags.photos])
}

export async function captionChanged(req: PayloadRequest, id: Id): Promise<void> {
  const purges: Purges = new Map()
  await refreshCaption(req, id, purges)
  await purgeAfterCommit(req, purges)
}

/** After an image changed or was deleted: every record that shows it. */
export async function mediaChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  if (site === undefined) return
  const purges: Purges = new Map()
  await refreshMembers(req, String(site), `media:${id}`, purges)
  await purgeAfterCommit(req, purges)
}

/** Rewrites these tags' or authors' records (a rebuild); purges nothing. */
export async function refreshTermRecords(req: PayloadRequest, kind: TermKind, ids: Id[]): Promise<void> {
  for (const id of ids) await refreshTerm(req, kind, id, new Map())
}

export async function refreshCaptionRecords(req: PayloadRequest, ids: Id[]): Promise<void> {
  for (const id of ids) await refreshCaption(req, id, new Map())
}
