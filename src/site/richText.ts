import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

/** The article body as HTML; Lexical's converter escapes text, so editors cannot inject markup. */
export function richTextToHtml(body: unknown): string {
  if (!body || typeof body !== 'object' || !('root' in body)) return ''
  return convertLexicalToHTML({ data: body as SerializedEditorState, disableContainer: true })
}
