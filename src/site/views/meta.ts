/** What a page tells browsers, search engines and social networks about itself. */
export type PageMeta = {
  title: string
  description?: string
  /** Absolute URL of the canonical address of this page. */
  canonical: string
  /** Absolute URL of an image for link previews. */
  image?: string
  type?: 'article' | 'website'
  /** Structured data (schema.org) embedded as JSON-LD. */
  jsonLd?: Record<string, unknown>
  /** Alternate links, e.g. the RSS feed of a category. */
  feeds?: { title: string; href: string }[]
  noindex?: boolean
}

/** JSON for a <script> element: "<" escaped so the text can never close the element. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}
