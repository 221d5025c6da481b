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

export type Page<T> = { docs: readonly T[]; page: number; totalPages: number; totalDocs: number }

/** An entry of a site's register lists: a document type, an issuing body or a field. */
export type DocumentTerm = { id: Id; slug: string; title: string; group: 'field' | 'issuer' | 'type'; order: number }

/** What decides a legal document's validity (src/documents/validity.ts), kept so it is derived when shown. */
export type DocumentDates = {
  issuedAt: string
  effectiveAt?: string | null
  expiresAt?: string | null
  validityOverride?: 'expired' | 'inForce' | 'notYetInForce' | 'partlyInForce' | null
}

/** A legal document in the register's list and in boxes of related documents. */
export type DocumentSummary = DocumentDates & {
  id: Id
  slug: string
  number: string
  abstract: string
  type: string
  issuer: string
}

export type PublicDocumentFile = { id: Id; filename: string; originalName: string; mimeType: string; filesize: number }

/** Another document named on a document's page (replaces, amended by…). */
export type DocumentLink = { id: Id; slug: string; number: string; abstract: string; issuedAt: string }

/** A published legal document with everything its page shows. */
export type PublicDocument = DocumentSummary & {
  site: Id
  updatedAt: string
  field?: string | null
  signer?: string | null
  bodyHtml: string
  files: PublicDocumentFile[]
  replaces: DocumentLink[]
  amends: DocumentLink[]
  replacedBy: DocumentLink[]
  amendedBy: DocumentLink[]
}
/** A published question and its answer, in a list ("Hỏi đáp"): never a contact detail. */
export type QuestionSummary = {
  id: Id
  slug: string
  reference: string
  title: string
  field: { id: Id; name: string } | null
  /** The asker's name as they agreed it may appear (initials, full, or none). */
  askedBy: string
  /** The unit that answered. */
  unit: string | null
  publishedAt: string
}

export type PublicQuestion = QuestionSummary & { site: Id; body: string; answer: string; askedAt: string; answeredAt: string | null }

/** A draft put out for comment, in the list ("Lấy ý kiến dự thảo"). Dates are ISO instants. */
export type ConsultationSummary = {
  id: Id
  slug: string
  title: string
  /** The drafting unit's name, or the body typed by hand. */
  draftingBody: string | null
  opensAt: string
  closesAt: string
}

export type ConsultationPoint = { id: string; title: string; text: string }

/** A published draft with everything its page shows; the report is HTML and shown after closing. */
export type PublicConsultation = ConsultationSummary & {
  site: Id
  updatedAt: string
  summary: string
  points: ConsultationPoint[]
  files: PublicDocumentFile[]
  reportHtml: string
}

/** An approved comment as published: never a contact detail. */
export type PublicConsultationComment = { id: Id; name: string; organisation: string | null; point: string | null; pointTitle: string | null; comment: string; receivedAt: string }
