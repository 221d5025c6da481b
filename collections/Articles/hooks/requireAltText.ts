import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { Article, Media } from '../../../src/payload-types.ts'

import { bodyPhotos } from '../../../src/lib/lexical.ts'

type Id = number | string
type PhotoUse = { media: Id; where: 'cover' | 'body'; caption?: string }

const idOf = (value: unknown): Id | undefined =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: Id }).id : ((value as Id | null | undefined) ?? undefined)

/** The photos an article shows: its cover and every photo in its body. */
export function photosOf(article: Pick<Article, 'cover' | 'body'>): PhotoUse[] {
  const cover = idOf(article.cover)
  return [
    ...(cover === undefined ? [] : [{ media: cover, where: 'cover' as const }]),
    ...bodyPhotos(article.body).map((photo) => ({ media: photo.media, where: 'body' as const, caption: photo.caption })),
  ]
}

function describe(use: PhotoUse, media: Pick<Media, 'filename' | 'caption'>): string {
  const caption = use.caption ?? media.caption ?? undefined
  const name = [caption ? `«${caption}»` : undefined, media.filename ? `(${media.filename})` : undefined].filter(Boolean).join(' ')
  return use.where === 'cover' ? `ảnh đại diện ${name}` : `ảnh ${name} trong nội dung`
}

/**
 * An article goes public (published, or approved to be) only when each of its photos has alt text,
 * which is what blind readers hear; drafts may still be saved. The message names the photos.
 */
/**
 * What keeps this article from going public: each photo without alt text, named for the editor.
 * Empty when every photo has it.
 */
export async function photosWithoutAltText(req: PayloadRequest, article: Pick<Article, 'cover' | 'body'>): Promise<string[]> {
  const uses = photosOf(article)
  if (uses.length === 0) return []
  // server rights: the alt text of the photos this article shows, whoever may read the library
  const media = await req.payload.find({
    collection: 'media',
    where: { id: { in: [...new Set(uses.map((use) => use.media))] } },
    select: { alt: true, filename: true, caption: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(media.docs.map((doc) => [String(doc.id), doc]))
  return uses.flatMap((use) => {
    const row = byId.get(String(use.media))
    return row && !row.alt?.trim() ? [describe(use, row)] : []
  })
}

export function altTextError(missing: string[]): APIError<null> {
  return new APIError(
    `Chưa thể xuất bản: ${missing.join('; ')} chưa có mô tả ảnh (alt). Thêm mô tả ảnh trong Thư viện ảnh rồi xuất bản lại; bản nháp vẫn lưu được.`,
    400,
    null,
    true,
  )
}

/**
 * An article goes public (published, or approved to be) only when each of its photos has alt text,
 * which is what blind readers hear; drafts may still be saved. The message names the photos.
 */
export const requireAltText: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const approving = data.reviewState === 'approved' && originalDoc?.reviewState !== 'approved'
  if (data._status !== 'published' && !approving) return data
  const missing = await photosWithoutAltText(req, { cover: data.cover !== undefined ? data.cover : originalDoc?.cover, body: data.body !== undefined ? data.body : originalDoc?.body })
  if (missing.length > 0) throw altTextError(missing)
  return data
}
