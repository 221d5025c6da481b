import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/** A Lexical document of plain paragraphs, for seeds and imports. */
export function paragraphsToLexical(paragraphs: string[]): SerializedEditorState {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
      })),
    },
  } as unknown as SerializedEditorState
}
