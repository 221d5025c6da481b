import type { HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { Media } from '../payload-types.ts'

import { Picture } from './views/components/Picture.tsx'

type UploadNode = { value?: Media | number | null; fields?: { caption?: string | null; credit?: string | null } | null }

/** A captioned photo inside an article: <figure>, responsive image, <figcaption> with the credit. */
function CaptionedPhoto({ media, caption, credit }: { media: Media; caption?: string | null; credit?: string | null }) {
  return (
    <figure className="article-figure">
      <Picture media={media} size="content" sizes="(min-width: 820px) 760px, 100vw" alt={media.alt || caption || ''} />
      {caption || credit ? (
        <figcaption>
          {caption}
          {credit ? <span className="credit"> ({credit})</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  upload: ({ node }) => {
    const upload = node as unknown as UploadNode
    if (!upload.value || typeof upload.value !== 'object' || !upload.value.mimeType?.startsWith('image/')) return ''
    return renderToStaticMarkup(<CaptionedPhoto media={upload.value} caption={upload.fields?.caption ?? upload.value.caption} credit={upload.fields?.credit} />)
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
