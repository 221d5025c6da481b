import type { Article } from '../payload-types.ts'

/** A rich-text document as Payload stores it (the generated type of an article body). */
export type RichTextDocument = NonNullable<Article['body']>

type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  value?: unknown
  relationTo?: string
  fields?: { caption?: string | null; credit?: string | null } | null
}

const textNode = (text: string, format = 0) => ({ type: 'text', detail: 0, format, mode: 'normal', style: '', text, version: 1 })

const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  children,
  ...extra,
})

export type BodyPart =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string; tag?: 'h2' | 'h3' }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'photo'; media: number | string; caption?: string; credit?: string }

/** Builds a Lexical document from simple parts, for seeds and imports. */
export function buildLexical(parts: BodyPart[]): RichTextDocument {
  const children = parts.map((part) => {
    switch (part.kind) {
      case 'paragraph':
        return block('paragraph', [textNode(part.text)], { textFormat: 0, textStyle: '' })
      case 'heading':
        return block('heading', [textNode(part.text)], { tag: part.tag ?? 'h2' })
      case 'quote':
        return block('quote', [textNode(part.text)])
      case 'list':
        return block(
          'list',
          part.items.map((item, index) => block('listitem', [textNode(item)], { value: index + 1 })),
          { listType: part.ordered ? 'number' : 'bullet', start: 1, tag: part.ordered ? 'ol' : 'ul' },
        )
      case 'photo':
        return {
          type: 'upload',
          version: 3,
          format: '',
          relationTo: 'media',
          value: part.media,
          fields: { caption: part.caption ?? null, credit: part.credit ?? null },
        }
    }
  })
  return { root: block('root', children) } as unknown as RichTextDocument
}

/** A Lexical document of plain paragraphs. */
export function paragraphsToLexical(paragraphs: string[]): RichTextDocument {
  return buildLexical(paragraphs.map((text) => ({ kind: 'paragraph', text })))
}

function walk(node: LexicalNode | undefined, visit: (node: LexicalNode) => void): void {
  if (!node) return
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}

const rootOf = (body: unknown): LexicalNode | undefined =>
  body && typeof body === 'object' && 'root' in body ? (body as { root: LexicalNode }).root : undefined

/** The words of a document, for search and summaries. */
export function lexicalPlainText(body: unknown): string {
  const parts: string[] = []
  walk(rootOf(body), (node) => {
    if (typeof node.text === 'string') parts.push(node.text)
    else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem') parts.push(' ')
  })
  return parts.join('').replace(/\s+/g, ' ').trim()
}

export type BodyPhoto = { media: number | string; caption?: string; credit?: string }
export type CaptionedPhoto = BodyPhoto & { caption: string }

/** Photos inserted in a document (upload nodes of the media collection), with their caption if any. */
export function bodyPhotos(body: unknown): BodyPhoto[] {
  const photos: BodyPhoto[] = []
  walk(rootOf(body), (node) => {
    if (node.type !== 'upload' || node.relationTo !== 'media') return
    const value = node.value as number | string | { id: number | string } | null | undefined
    const media = value && typeof value === 'object' ? value.id : value
    if (media === undefined || media === null) return
    photos.push({ media, caption: node.fields?.caption?.trim() || undefined, credit: node.fields?.credit?.trim() || undefined })
  })
  return photos
}

/** Photos inserted in a document with a caption. */
export function captionedPhotos(body: unknown): CaptionedPhoto[] {
  return bodyPhotos(body).filter((photo): photo is CaptionedPhoto => Boolean(photo.caption))
}
