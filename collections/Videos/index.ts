import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../../src/access/rules.ts'
import { env } from '../../src/config/env.ts'
import { slugField } from '../../src/fields/slug.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { purgeSiteCache } from '../../src/site/cache/purgeHooks.ts'
import { toEmbedUrl } from '../../src/lib/videoEmbed.ts'
import { detectedTypeOnly } from '../../src/media/detectedType.ts'

const VIDEO_TYPES = ['video/mp4', 'video/webm']

/** Tin video: an uploaded MP4/WebM file or a link to a video platform, with a caption. */
export const Videos: CollectionConfig = {
  slug: 'videos',
  labels: { singular: { vi: 'Video', en: 'Video' }, plural: { vi: 'Tin video', en: 'Videos' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'publishedAt'], group: { vi: 'Nội dung', en: 'Content' } },
  defaultSort: '-publishedAt',
  // Review: public as soon as saved (no drafts), so only editors write; reporters ask an editor (docs/security.md).
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeOperation: [detectedTypeOnly(VIDEO_TYPES)], beforeValidate: [normalizeText], afterChange: [purgeSiteCache.afterChange], afterDelete: [purgeSiteCache.afterDelete] },
  upload: {
    staticDir: `${env().mediaDir}/videos`,
    mimeTypes: VIDEO_TYPES,
    filesRequiredOnCreate: false,
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField('title'),
    { name: 'caption', type: 'textarea', label: { vi: 'Chú thích', en: 'Caption' } },
    {
      name: 'embedUrl',
      type: 'text',
      label: { vi: 'Liên kết video (YouTube, Facebook…)', en: 'Embed link' },
      admin: { description: { vi: 'Dùng khi không tải tệp video lên', en: 'Used when no file is uploaded' } },
      validate: (value: unknown) => (!value || (typeof value === 'string' && toEmbedUrl(value)) ? true : 'Chỉ hỗ trợ liên kết YouTube hoặc Facebook (https)'),
    },
    { name: 'poster', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Poster image' } },
    { name: 'publishedAt', type: 'date', required: true, defaultValue: () => new Date().toISOString(), label: { vi: 'Ngày đăng', en: 'Published at' } },
  ],
}
