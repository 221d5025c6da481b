import type { Payload, PayloadRequest, Where } from 'payload'

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Article, Author, Category, Media, Site } from '../payload-types.ts'
import type { ParsedPage } from './parsePage.ts'

import { env } from '../config/env.ts'
import { buildLexical, type BodyPart, type RichTextDocument } from '../lib/lexical.ts'
import { foldVietnamese, slugify } from '../lib/vietnamese.ts'
import { reviewReasons } from './review.ts'

export type ImportTarget = {
  site: Site
  categories: Category[]
  authors: Author[]
  /** --category: every page goes there; otherwise the page's breadcrumb picks one. */
  category?: Category
  /** --publish: publish each article whose title and date are not guesses; the others stay drafts for review. */
  publish: boolean
  /** --publish-all: publish every article, guesses included. */
  publishAll?: boolean
  dryRun: boolean
}

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'failed' | 'would create' | 'would update'

export type ImportOutcome = {
  status: ImportStatus
  articleId?: Article['id']
  reason?: string
  category?: { title: string; from: string }
  author?: string
  media: { created: number; reused: number }
  /** The article is (or would be) published, not a draft. */
  published?: boolean
  /** Why the article stays a draft despite --publish; absent when it does not. */
  review?: string[]
}

const fold = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim()
const sha256 = (data: string) => crypto.createHash('sha256').update(data).digest('hex')

/** The deepest breadcrumb entry that names one of the site's categories. */
export function matchCategory(page: ParsedPage, target: ImportTarget): ImportOutcome['category'] & { doc: Category } | undefined {
  if (target.category) return { doc: target.category, title: target.category.title, from: '--category' }
  for (const crumb of [...page.breadcrumb].reverse()) {
    const doc = target.categories.find((category) => fold(category.title) === fold(crumb))
    if (doc) return { doc, title: doc.title, from: `breadcrumb "${crumb}"` }
  }
  return undefined
}

/**
 * A byline names a known author when its name part (before " - " or ",") equals an author's
 * name, accents and case aside: "Bảo Minh", "Lê Quỳnh - Ban Tuyên giáo". Anything else stays
 * byline text; the importer does not create authors from signatures such as "Văn phòng Sở".
 */
export function matchAuthor(byline: string | undefined, authors: Author[]): Author | undefined {
  if (!byline) return undefined
  const name = fold(byline.split(/\s+[-–]\s+|,|\(/)[0] ?? '')
  return authors.find((author) => fold(author.name) === name)
}

const mediaId = (value: Article['cover']): Media['id'] | undefined => (value && typeof value === 'object' ? value.id : (value ?? undefined))

/** Whether the article is published, and why not when --publish holds it back for an editor. */
export function publishDecision(page: ParsedPage, target: ImportTarget): { publish: boolean; review: string[] } {
  if (!target.publish) return { publish: false, review: [] }
  if (target.publishAll) return { publish: true, review: [] }
  const review = reviewReasons(page)
  return { publish: review.length === 0, review }
}

/** What the import would write, without media ids: its hash tells whether the page changed. */
function articleContent(page: ParsedPage, publish: boolean, category: Category | undefined, author: Author | undefined) {
  return {
    title: page.title!.value,
    publishedAt: page.publishedAt!.value.toISOString(),
    lead: page.lead?.value ?? null,
    body: page.body.map((block) => (block.kind === 'photo' ? { ...block, image: page.images.get(block.image.src)?.hash ?? null } : block)),
    footnotes: page.footnotes,
    byline: author ? null : (page.byline?.value ?? null),
    source: page.source?.value ?? null,
    authors: author ? [author.id] : [],
    categories: category ? [category.id] : [],
    status: publish ? 'published' : 'draft',
  }
}

async function findExisting(payload: Payload, page: ParsedPage, site: Site, req?: Partial<PayloadRequest>): Promise<Article | undefined> {
  const keys: Where[] = [{ legacyFingerprint: { equals: page.fingerprint } }]
  if (page.sourceUrl) keys.push({ legacySource: { equals: page.sourceUrl } })
  const found = await payload.find({
    collection: 'articles',
    where: { and: [{ site: { equals: site.id } }, { or: keys }] },
    draft: true,
    depth: 0,
    limit: 1,
    req,
  })
  return found.docs[0]
}

async function uniqueSlug(req: PayloadRequest, site: Site, title: string, publishedAt: Date): Promise<string> {
  const base = slugify(title) || 'bai-viet'
  const day = publishedAt.toISOString().slice(0, 10).replace(/-/g, '')
  for (const candidate of [base, `${base}-${day}`, ...Array.from({ length: 20 }, (_, n) => `${base}-${day}-${n + 2}`)]) {
    const clash = await req.payload.count({ collection: 'articles', where: { and: [{ site: { equals: site.id } }, { slug: { equals: candidate } }] }, req })
    if (clash.totalDocs === 0) return candidate
  }
  return `${base}-${crypto.randomBytes(3).toString('hex')}`
}

/** Italic text: how a caption whose photo was not saved is kept in the body. */
function italicCaptions(body: RichTextDocument, captions: Set<number>): RichTextDocument {
  const root = (body as unknown as { root: { children: { children?: { format: number }[] }[] } }).root
  for (const index of captions) for (const text of root.children[index]?.children ?? []) text.format = 2
  return body
}

async function removeFiles(doc: Media): Promise<void> {
  const dir = env().mediaDir
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter((name): name is string => Boolean(name))
  await Promise.all(names.map((name) => fs.rm(path.join(dir, path.basename(name)), { force: true })))
}

/**
 * Writes one parsed page as an article of the target site: its photos as media (reused when the
 * same image was imported before), then the article, all in one transaction. A page imported
 * before is found again and updated only when something in it changed.
 */
export async function importArticle(payload: Payload, page: ParsedPage, target: ImportTarget): Promise<ImportOutcome> {
  const media = { created: 0, reused: 0 }
  if (page.problems.length > 0) return { status: 'failed', reason: page.problems.join('; '), media }
  const matched = matchCategory(page, target)
  const category = matched?.doc
  const author = matchAuthor(page.byline?.value, target.authors)
  const { publish, review } = publishDecision(page, target)
  const outcome: ImportOutcome = {
    status: 'failed',
    media,
    category: matched && { title: matched.title, from: matched.from },
    author: author ? `author "${author.name}"` : page.byline ? 'byline text' : undefined,
    published: publish,
    ...(review.length > 0 ? { review } : {}),
  }
  const hash = sha256(JSON.stringify(articleContent(page, publish, category, author)))
  const existing = await findExisting(payload, page, target.site)
  const isAddress = (value?: string | null) => Boolean(value && /^https?:\/\//i.test(value))
  if (existing && isAddress(existing.legacySource) && isAddress(page.sourceUrl) && existing.legacySource !== page.sourceUrl) {
    // Same title and minute, another address: two pages the importer cannot tell apart.
    return { ...outcome, reason: `article ${existing.id} has the same title and date but came from ${existing.legacySource}` }
  }
  if (existing && existing.legacyHash === hash) return { ...outcome, status: 'unchanged', articleId: existing.id }
  if (target.dryRun) return { ...outcome, status: existing ? 'would update' : 'would create', articleId: existing?.id }

  const req = await createLocalReq({ context: {} }, payload)
  await initTransaction(req)
  const createdMedia: Media[] = []
  try {
    const parts: BodyPart[] = []
    const captions = new Set<number>()
    let cover: Media['id'] | undefined
    for (const block of page.body) {
      if (block.kind === 'paragraph') parts.push({ kind: 'paragraph', text: block.text })
      else if (block.kind === 'heading') parts.push({ kind: 'heading', text: block.text, tag: 'h3' })
      else if (block.kind === 'caption') {
        captions.add(parts.length)
        parts.push({ kind: 'paragraph', text: block.text })
      } else {
        const image = page.images.get(block.image.src)
        if (!image?.data || !image.hash) continue
        const found = await payload.find({
          collection: 'media',
          where: { and: [{ site: { equals: target.site.id } }, { legacyFingerprint: { equals: image.hash } }] },
          depth: 0,
          limit: 1,
          req,
        })
        let doc = found.docs[0]
        if (doc) media.reused++
        else {
          const name = `${slugify(block.caption || block.image.alt || page.title!.value, 60) || 'anh'}-${image.hash.slice(0, 8)}.${image.mimetype!.split('/')[1]}`
          doc = await payload.create({
            collection: 'media',
            data: {
              alt: block.image.alt || block.caption || page.title!.value,
              caption: block.caption,
              site: target.site.id,
              legacyFingerprint: image.hash,
            },
            file: { data: image.data, mimetype: image.mimetype!, name, size: image.data.length },
            depth: 0,
            req,
          })
          createdMedia.push(doc)
          media.created++
        }
        cover ??= doc.id
        parts.push({ kind: 'photo', media: doc.id, caption: block.caption })
      }
    }
    const content = articleContent(page, publish, category, author)
    const data = {
      title: content.title,
      lead: content.lead,
      body: italicCaptions(buildLexical(parts), captions),
      cover: cover ?? mediaId(existing?.cover) ?? null,
      footnotes: content.footnotes.map((text) => ({ text })),
      byline: content.byline,
      source: content.source,
      authors: content.authors,
      categories: content.categories,
      publishedAt: content.publishedAt,
      legacySource: page.sourceUrl ?? path.basename(page.file),
      legacyFingerprint: page.fingerprint,
      legacyHash: hash,
      site: target.site.id,
      _status: content.status as 'draft' | 'published',
    }
    let article: Article
    if (existing) {
      article = await payload.update({ collection: 'articles', id: existing.id, data, draft: !publish, depth: 0, req })
    } else {
      const slug = await uniqueSlug(req, target.site, content.title, page.publishedAt!.value)
      article = await payload.create({
        collection: 'articles',
        data: { ...data, slug, views: page.views?.value ?? 0 },
        draft: !publish,
        depth: 0,
        req,
      })
    }
    await commitTransaction(req)
    return { ...outcome, status: existing ? 'updated' : 'created', articleId: article.id }
  } catch (error) {
    await killTransaction(req)
    // The rows are gone with the transaction; the files Payload wrote for them go too.
    await Promise.all(createdMedia.map(removeFiles))
    return { ...outcome, status: 'failed', reason: (error as Error).message, media: { created: 0, reused: 0 } }
  }
}
