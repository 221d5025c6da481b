import crypto from 'node:crypto'

import type { Article, Author, Caption, Category, Media, Tag } from '../../payload-types.ts'
import type { ArticleSummary, Id, PublicArticle, PublicAuthor, PublicCaption, PublicTag } from './records.ts'
import type { StoredRecord } from './store.ts'

import { findMentions, linkMentions, type RegisteredNumber } from '../../documents/mentions.ts'
import { lexicalPlainText } from '../../lib/lexical.ts'
import { documentPath } from '../paths.ts'
import { bodyHasPhoto, richTextToHtml } from '../richText.ts'
import { toPublicImage } from './images.ts'

/**
 * Turns documents as the public reads them (Local API, depth 1, public access) into read-model
 * records. Pure: everything it needs is passed in.
 */

const idOf = (value: Id | { id: Id } | null | undefined): Id | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value

const populated = <T extends object>(items: (Id | T)[] | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

/** A category and its ancestors, so a parent's listing includes its subcategories' articles. */
function withAncestors(categoryIds: Id[], categories: Category[]): Id[] {
  const parentOf = new Map(categories.map((category) => [String(category.id), idOf(category.parent)]))
  const result = new Set<string>()
  for (const id of categoryIds) {
    let current: Id | undefined = id
    while (current !== undefined && !result.has(String(current))) {
      result.add(String(current))
      current = parentOf.get(String(current))
    }
  }
  return [...result]
}

export function record(base: Omit<StoredRecord, 'digest'>): StoredRecord {
  const digest = crypto
    .createHash('sha1')
    .update([base.site, base.slug, base.sortAt, base.updatedAt, base.summary, base.data, base.searchTitle, base.searchText, base.lists.join(',')].join('\u0000'))
    .digest('base64url')
  return { ...base, digest }
}

/**
 * The record of a published article (depth 1) on a site whose categories are `categories`.
 * Numbers of documents in its body link to those the site's register holds (`registered`).
 */
export function projectArticle(doc: Article, categories: Category[], registered: Map<string, RegisteredNumber[]> = new Map()): StoredRecord {
  const cover = toPublicImage(doc.cover)
  const summary: ArticleSummary = {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    lead: doc.lead ?? null,
    publishedAt: doc.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    featured: Boolean(doc.featured),
    cover,
  }
  const footnotes = (doc.footnotes ?? []).map((footnote) => footnote.text)
  const photos = new Set<string>()
  if (cover) photos.add(String(cover.id))
  collectUploadIds(doc.body, photos)
  const page: Omit<PublicArticle, keyof ArticleSummary> = {
    site: idOf(doc.site)!,
    bodyHtml: linkMentions(richTextToHtml(doc.body, footnotes.length), registered, documentPath),
    bodyHasPhoto: bodyHasPhoto(doc.body),
    footnotes,
    byline: doc.byline ?? null,
    source: doc.source ?? null,
    authors: populated<Author>(doc.authors).map((author) => ({ id: author.id, slug: author.slug, name: author.name })),
    categories: populated<Category>(doc.categories).map((category) => ({ id: category.id, slug: category.slug, title: category.title })),
    tags: populated<Tag>(doc.tags).map((tag) => ({ id: tag.id, slug: tag.slug, title: tag.title })),
    related: (doc.related ?? []).map((item) => idOf(item)!).filter((id) => id !== undefined),
    importedViews: doc.views ?? 0,
  }
  const lists = [
    ...(doc.featured ? ['featured'] : []),
    ...withAncestors(page.categories.map((category) => category.id), categories).map((id) => `category:${id}`),
    ...page.tags.map((tag) => `tag:${tag.id}`),
    ...page.authors.map((author) => `author:${author.id}`),
    // Not listings: which photos the record shows, so a change to one finds the records to rewrite.
    ...[...photos].map((id) => `media:${id}`),
    // Nor these: document numbers the body names, so a document entering the register finds them.
    ...mentionLists(doc.body),
  ]
  return record({
    kind: 'article',
    id: String(doc.id),
    site: String(page.site),
    slug: doc.slug,
    sortAt: summary.publishedAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(summary),
    data: JSON.stringify(page),
    searchTitle: doc.searchTitle ?? '',
    searchText: doc.searchText ?? '',
    lists: [...new Set(lists)],
  })
}

/** `number:<folded number>` for each document number the body names. */
export const mentionLists = (body: unknown): string[] => [...new Set(findMentions(lexicalPlainText(body)).map((mention) => `number:${mention.key}`))]

function collectUploadIds(node: unknown, into: Set<string>): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) return node.forEach((child) => collectUploadIds(child, into))
  const value = node as { type?: unknown; value?: unknown; root?: unknown; children?: unknown }
  if (value.type === 'upload') {
    const id = idOf(value.value as Id | { id: Id } | null)
    if (id !== undefined) into.add(String(id))
  }
  collectUploadIds(value.root, into)
  collectUploadIds(value.children, into)
}

export function projectTag(doc: Tag): StoredRecord {
  const tag: PublicTag = { id: doc.id, site: idOf(doc.site)!, slug: doc.slug, title: doc.title }
  return record({ kind: 'tag', id: String(doc.id), site: String(tag.site), slug: doc.slug, sortAt: doc.createdAt, updatedAt: doc.updatedAt, summary: JSON.stringify(tag), data: '{}', searchTitle: '', searchText: '', lists: [] })
}

export function projectAuthor(doc: Author): StoredRecord {
  const photo = toPublicImage(doc.photo)
  const author: PublicAuthor = {
    id: doc.id,
    site: idOf(doc.site)!,
    slug: doc.slug,
    name: doc.name,
    position: doc.position ?? null,
    unit: doc.unit ?? null,
    bio: doc.bio ?? null,
    photo,
  }
  return record({
    kind: 'author',
    id: String(doc.id),
    site: String(author.site),
    slug: doc.slug,
    sortAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(author),
    data: '{}',
    searchTitle: '',
    searchText: '',
    lists: photo ? [`media:${photo.id}`] : [],
  })
}

/** A photo library entry; one whose photo is gone is not shown (undefined). */
export function projectCaption(doc: Caption): StoredRecord | undefined {
  const photo = toPublicImage(doc.photo)
  if (!photo) return undefined
  const caption: PublicCaption = {
    id: doc.id,
    site: idOf(doc.site)!,
    caption: doc.caption,
    credit: doc.credit ?? null,
    createdAt: doc.createdAt,
    photo,
    articles: (doc.articles ?? []).map((item) => idOf(item)!).filter((id) => id !== undefined),
  }
  return record({
    kind: 'caption',
    id: String(doc.id),
    site: String(caption.site),
    slug: null,
    sortAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(caption),
    data: '{}',
    searchTitle: '',
    searchText: doc.searchText ?? '',
    lists: [`media:${photo.id}`],
  })
}
