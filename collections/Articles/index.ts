import type { CollectionConfig } from 'payload'

import { editorsOnly, loggedIn, writers } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { canCreateArticle, canUpdateArticle } from './access/canWriteArticle.ts'
import { readArticles } from './access/readArticles.ts'
import { articleFields } from './fields.ts'
import { computeSearchText } from './hooks/computeSearchText.ts'
import { ensureUniqueSlugPerSite, explainSlugClash } from './hooks/ensureUniqueSlugPerSite.ts'
import { notifyReview } from './hooks/notifyReview.ts'
import { recordReview } from './hooks/recordReview.ts'
import { requireAltText } from './hooks/requireAltText.ts'
import { stampPublishedAt } from './hooks/stampPublishedAt.ts'
import { legacyFields, legacyIndexes } from './legacyFields.ts'
import { reviewFields, reviewNoticeField } from './review/fields.ts'
import { detachCaptions, syncCaptions } from './hooks/syncCaptions.ts'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { vi: 'Bài viết', en: 'Article' }, plural: { vi: 'Bài viết', en: 'Articles' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'reviewState', 'createdBy', 'categories', 'publishedAt', '_status'],
    group: { vi: 'Nội dung', en: 'Content' },
    components: { beforeListTable: ['/src/admin/articleList/ReviewFilters.tsx#ReviewFilters'] },
    preview: (doc) => (typeof doc?.slug === 'string' ? `/bai-viet/${doc.slug}` : null),
  },
  defaultSort: '-publishedAt',
  // The public pages look articles up by site and slug, and list a site's published ones newest first.
  // Unique: the slug hook's look-up cannot stop two concurrent creates, the database does.
  indexes: [{ fields: ['site', 'slug'], unique: true }, { fields: ['site', '_status', 'publishedAt'] }, ...legacyIndexes],
  // Scheduled publishing runs as a Payload job (see src/jobs.ts).
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 30 },
  access: {
    read: readArticles,
    readVersions: writers,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: editorsOnly,
  },
  hooks: {
    beforeValidate: [normalizeText, ensureUniqueSlugPerSite],
    beforeChange: [recordReview, requireAltText, stampPublishedAt, computeSearchText],
    afterChange: [syncCaptions, readModelHooks.articles.afterChange, notifyReview],
    afterDelete: [detachCaptions, readModelHooks.articles.afterDelete],
    afterError: [explainSlugClash],
  },
  fields: [reviewNoticeField, ...articleFields, ...reviewFields, ...legacyFields],
}
