import type { CollectionConfig, ImageSize } from 'payload'

import { env } from '../../src/config/env.ts'
import { editorsOnly, staffOrServer, writers } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { ALLOWED_IMAGE_TYPES } from '../../src/media/imagePolicy.ts'
import { chooseFileName } from './hooks/chooseFileName.ts'
import { rejectOversizedImages } from './hooks/rejectOversizedImages.ts'

const webp = { format: 'webp', options: { quality: 80 } } as const

/** Each size needs its own formatOptions: the collection-level one applies to the original only. */
const sizes: ImageSize[] = [
  { name: 'thumbnail', width: 240, height: 160, position: 'centre', formatOptions: webp },
  { name: 'card', width: 480, height: 320, position: 'centre', formatOptions: webp },
  { name: 'content', width: 960, formatOptions: webp, withoutEnlargement: true },
  { name: 'full', width: 1600, formatOptions: webp, withoutEnlargement: true },
]

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { vi: 'Ảnh', en: 'Media' }, plural: { vi: 'Thư viện ảnh', en: 'Media' } },
  admin: { useAsTitle: 'alt', group: { vi: 'Nội dung', en: 'Content' } },
  // Reporters upload images for their drafts; a new image is shown only once an editor publishes
  // the article using it. Changing an image (file, alt text) changes published pages at once: editors only.
  access: { read: staffOrServer, create: writers, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeOperation: [rejectOversizedImages, chooseFileName],
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.media.afterChange],
    afterDelete: [readModelHooks.media.afterDelete],
  },
  upload: {
    staticDir: env().mediaDir,
    mimeTypes: ALLOWED_IMAGE_TYPES,
    imageSizes: sizes,
    adminThumbnail: 'thumbnail',
    // Re-encoding the original drops its EXIF (GPS position of the photographer included).
    formatOptions: { format: 'webp', options: { quality: 85 } },
    resizeOptions: { width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true },
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: { vi: 'Mô tả ảnh (alt)', en: 'Alt text' },
      admin: { description: { vi: 'Mô tả nội dung ảnh cho người khiếm thị', en: 'Describes the image for blind readers' } },
    },
    { name: 'caption', type: 'text', label: { vi: 'Chú thích mặc định', en: 'Default caption' } },
    { name: 'credit', type: 'text', label: { vi: 'Tác giả ảnh', en: 'Credit' } },
    // SHA-256 of an image imported from a legacy page, so a second import reuses it.
    { name: 'legacyFingerprint', type: 'text', index: true, admin: { hidden: true }, access: { read: staffOrServer } },
  ],
}
