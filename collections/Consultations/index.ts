import type { CollectionConfig } from 'payload'

import { editorsOnly, writers } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { consultationPath } from '../../src/site/paths.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { canCreateConsultation, canUpdateConsultation, readConsultations } from './access/consultationAccess.ts'
import { consultationFields } from './fields.ts'
import { fillConsultationSlug } from './hooks/consultationSlug.ts'
import { deleteComments } from './hooks/deleteComments.ts'

/**
 * Drafts put out for comment ("Dự thảo lấy ý kiến", Decree 78/2025/NĐ-CP): the draft, its files,
 * the points the agency asks about, the comment period, and after it the agency's report on what
 * was taken up. Citizens' comments are in consultation-comments.
 */
export const Consultations: CollectionConfig = {
  slug: 'consultations',
  labels: { singular: { vi: 'Dự thảo lấy ý kiến', en: 'Draft for comment' }, plural: { vi: 'Dự thảo lấy ý kiến', en: 'Drafts for comment' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'opensAt', 'closesAt', 'reviewState', '_status'],
    group: { vi: 'Văn bản', en: 'Documents' },
    preview: (doc) => (typeof doc?.slug === 'string' ? consultationPath(doc.slug) : null),
  },
  defaultSort: '-closesAt',
  indexes: [{ fields: ['site', 'slug'] }],
  versions: { drafts: true, maxPerDoc: 30 },
  access: { read: readConsultations, readVersions: writers, create: canCreateConsultation, update: canUpdateConsultation, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText, fillConsultationSlug],
    afterChange: [readModelHooks.consultations.afterChange],
    beforeDelete: [deleteComments],
    afterDelete: [readModelHooks.consultations.afterDelete],
  },
  fields: consultationFields,
}
