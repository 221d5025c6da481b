import type { HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import type { Media } from '../payload-types.ts'

import { mediaUrl, srcSet } from './images.ts'

type UploadNode = { value?: Media | number | null; fields?: { caption?: string | null; credit?: string | null } | null }

/** Text for HTML content and attribute values. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
const attribute = (name: string, value: number | string | null | undefined) => (value === null || value === undefined || value === '' ? '' : ` ${name}="${escapeHtml(String(value))}"`)

/**
 * A captioned photo inside an article: <figure>, a lazily loaded responsive image, <figcaption> with
 * the credit. Written as a string rather than through react-dom/server: it runs in the collection
 * hooks that fill the read model, which Next.js also bundles for the admin, where react-dom/server
 * may not be imported.
 */
function captionedPhoto(media: Media, caption?: string | null, credit?: string | null): string {
  const fallback = media.sizes?.content
  const src = mediaUrl(media, 'content')
  if (!src) return ''
  const image =
    `<img${attribute('src', src)}${attribute('srcset', srcSet(media))}${attribute('sizes', '(min-width: 820px) 760px, 100vw')}` +
    `${attribute('width', fallback?.width ?? media.width)}${attribute('height', fallback?.height ?? media.height)}` +
    ` alt="${escapeHtml(media.alt || caption || '')}" loading="lazy" decoding="async"/>`
  const captionHtml = caption || credit ? `<figcaption>${escapeHtml(caption ?? '')}${credit ? `<span class="credit"> (${escapeHtml(credit)})</span>` : ''}</figcaption>` : ''
  return `<figure class="article-figure">${image}${captionHtml}</figure>`
}

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  upload: ({ node }) => {
    const upload = node as unknown as UploadNode
    if (!upload.value || typeof upload.value !== 'object' || !upload.value.mimeType?.startsWith('image/')) return ''
    return captionedPhoto(upload.value, upload.fields?.caption ?? upload.value.caption, upload.fields?.credit)
  },
})

/** "[1]" in the text becomes a link to footnote 1, when the article has that many footnotes. */
function linkFootnotes(html: string, footnoteCount: number): string {
  if (footnoteCount === 0) return html
  return html.replace(/\[(\d{1,2})\](?![^<]*>)/g, (whole, digits: string) => {
    const number = Number(digits)
    if (number < 1 || number > footnoteCount) return whole
    return `<sup class="footnote-ref"><a href="#chu-thich-${number}" id="tham-chieu-${number}" aria-label="Chú thích ${number}">[${number}]</a></sup>`
  })
}

/** The article body as HTML; Lexical's converter escapes text, so editors cannot inject markup. */
export function richTextToHtml(body: unknown, footnoteCount = 0): string {
  if (!body || typeof body !== 'object' || !('root' in body)) return ''
  const html = convertLexicalToHTML({ data: body as SerializedEditorState, converters, disableContainer: true })
  return linkFootnotes(html, footnoteCount)
}

/** Whether the body shows a photo itself (then the cover is not repeated above it). */
export function bodyHasPhoto(body: unknown): boolean {
  return JSON.stringify(body ?? '').includes('"type":"upload"')
}
