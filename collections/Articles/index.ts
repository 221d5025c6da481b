import type { CollectionConfig } from 'payload'

import { editorsOnly, loggedIn } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { canCreateArticle, canUpdateArticle } from './access/canWriteArticle.ts'
import { readArticles } from './access/readArticles.ts'
import { articleFields } from './fields.ts'
import { computeSearchText } from './hooks/computeSearchText.ts'
import { ensureUniqueSlugPerSite } from './hooks/ensureUniqueSlugPerSite.ts'
import { stampPublishedAt } from './hooks/stampPublishedAt.ts'
import { legacyFields, legacyIndexes } from './legacyFields.ts'
import { detachCaptions, syncCaptions } from './hooks/syncCaptions.ts'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'categories', 'publishedAt', 'reviewState', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
    preview: (doc) => (typeof doc?.slug === 'string' ? `/bai-viet/${doc.slug}` : null),
  },
  defaultSort: '-publishedAt',
  // The public pages look articles up by site and slug, and list a site's published ones newest first.
  indexes: [{ fields: ['site', 'slug'] }, { fields: ['site', '_status', 'publishedAt'] }, ...legacyIndexes],
  // Scheduled publishing runs as a Payload job (see src/jobs.ts).
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 30 },
  access: {
    read: readArticles,
    readVersions: loggedIn,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: editorsOnly,
  },
  hooks: {
    beforeValidate: [normalizeText, ensureUniqueSlugPerSite],
    beforeChange: [stampPublishedAt, computeSearchText],
    afterChange: [syncCaptions, readModelHooks.articles.afterChange],
    afterDelete: [detachCaptions, readModelHooks.articles.afterDelete],
  },
  fields: [...articleFields, ...legacyFields],
}
