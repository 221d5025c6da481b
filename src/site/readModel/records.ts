/**
 * What the public pages show, as plain data: the records of the read model. Each is written when
 * its source is published or changed (src/site/readModel/sync.ts) and read as it is by the routes;
 * views receive these and nothing from Payload.
 */

export type Id = number | string

/** An image as the pages draw it: the file names of its sharp sizes with their widths. */
export type PublicImageSize = { filename: string; width?: number | null; height?: number | null }
export type PublicImage = {
  id: Id
  alt: string
  caption?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
  sizes?: Partial<Record<'thumbnail' | 'card' | 'content' | 'full', PublicImageSize>>
}

export type TermLink = { id: Id; slug: string; title: string }
export type AuthorLink = { id: Id; slug: string; name: string }

/** An article in a list: card, feed item, related box. */
export type ArticleSummary = {
  id: Id
  slug: string
  title: string
  lead?: string | null
  publishedAt: string
  updatedAt: string
  featured: boolean
  cover?: PublicImage | null
}

/** A published article with everything its page shows; the body is HTML already. */
export type PublicArticle = ArticleSummary & {
  site: Id
  bodyHtml: string
  /** The body shows a photo itself, so the cover is not repeated above it. */
  bodyHasPhoto: boolean
  footnotes: string[]
  byline?: string | null
  source?: string | null
  authors: AuthorLink[]
  categories: TermLink[]
  tags: TermLink[]
  /** Hand-picked related articles (ids); empty: the newest of the first category. */
  related: Id[]
  /** "Lượt xem" brought from a legacy portal; counted views are added to it. */
  importedViews: number
}

export type PublicTag = TermLink & { site: Id }
export type PublicAuthor = AuthorLink & { site: Id; position?: string | null; unit?: string | null; bio?: string | null; photo?: PublicImage | null }

/** An entry of the photo library. */
export type PublicCaption = {
  id: Id
  site: Id
  caption: string
  credit?: string | null
  createdAt: string
  photo: PublicImage
  /** The articles it runs in (ids; the page keeps those that are published). */
  articles: Id[]
}

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }
