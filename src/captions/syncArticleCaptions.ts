import type { PayloadRequest } from 'payload'

import type { Article, Media } from '../payload-types.ts'

import { captionedPhotos } from '../lib/lexical.ts'

type ID = Article['id']

// Generated types name SQL ids; MongoDB's string ids pass through the same code unchanged.
const idOf = (value: ID | { id: ID }): ID => (typeof value === 'object' ? value.id : value)

/** Whether readers may see the article now: published, and its publishing time has come. */
export function isPublicNow(article: Pick<Article, '_status' | 'publishedAt'>, now = new Date()): boolean {
  return article._status === 'published' && (!article.publishedAt || new Date(article.publishedAt).getTime() <= now.getTime())
}

/**
 * Makes sure each captioned photo of the article has a caption entry (same photo, same caption,
 * same site) that lists the article. The same photo with another caption is another entry.
 * Runs inside the article's transaction (`req`), so a failure leaves nothing half-written.
 */
export async function syncArticleCaptions(req: PayloadRequest, article: Article): Promise<void> {
  if (!article.site) return
  const site = idOf(article.site)
  for (const photo of captionedPhotos(article.body)) {
    const media = photo.media as Media['id']
    const existing = await req.payload.find({
      collection: 'captions',
      where: { and: [{ site: { equals: site } }, { photo: { equals: media } }, { caption: { equals: photo.caption } }] },
      depth: 0,
      limit: 1,
      req,
    })
    const entry = existing.docs[0]
    if (!entry) {
      await req.payload.create({
        collection: 'captions',
        data: { site, photo: media, caption: photo.caption, credit: photo.credit, articles: [article.id], origin: 'article' },
        depth: 0,
        req,
      })
      continue
    }
    const articles = (entry.articles ?? []).map(idOf)
    if (!articles.includes(article.id)) {
      await req.payload.update({ collection: 'captions', id: entry.id, data: { articles: [...articles, article.id] }, depth: 0, req })
    }
  }
  await detachArticleFromCaptions(req, article.id, captionedPhotos(article.body).map((photo) => `${photo.media}|${photo.caption}`))
}

/**
 * Removes the article from caption entries, except those it still shows. An entry that was made
 * from articles and now runs in none is deleted, so an unpublished photo leaves the public library.
 */
export async function detachArticleFromCaptions(req: PayloadRequest, articleId: ID, keep: string[] = []): Promise<void> {
  const entries = await req.payload.find({
    collection: 'captions',
    where: { articles: { contains: articleId } },
    depth: 0,
    pagination: false,
    req,
  })
  for (const entry of entries.docs) {
    if (keep.includes(`${idOf(entry.photo)}|${entry.caption}`)) continue
    const articles = (entry.articles ?? []).map(idOf).filter((id) => id !== articleId)
    if (articles.length === 0 && entry.origin === 'article') {
      await req.payload.delete({ collection: 'captions', id: entry.id, req })
      continue
    }
    await req.payload.update({ collection: 'captions', id: entry.id, data: { articles }, depth: 0, req })
  }
}
