import { EXPERIMENTAL_TableFeature, FixedToolbarFeature, lexicalEditor, UploadFeature } from '@payloadcms/richtext-lexical'

/**
 * The article editor: Payload's default features (headings, lists, quotes, links, …) plus tables,
 * a fixed toolbar, and photos that carry their own caption and credit, so the same photo can run
 * with different captions in different articles.
 */
export const articleEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'upload'),
    UploadFeature({
      collections: {
        media: {
          fields: [
            { name: 'caption', type: 'text', label: { vi: 'Chú thích ảnh', en: 'Caption' } },
            { name: 'credit', type: 'text', label: { vi: 'Ảnh', en: 'Credit' } },
          ],
        },
      },
    }),
    EXPERIMENTAL_TableFeature(),
    FixedToolbarFeature(),
  ],
})
