import type { CollectionConfig } from 'payload'

import { editorsOnly, loggedIn, writers } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { canCreateDocument, canUpdateDocument, readDocuments } from './access/documentAccess.ts'
import { documentFields } from './fields.ts'
import { computeDocumentKeys, fillDocumentSlug } from './hooks/computeDocumentKeys.ts'

/** The documents register ("Văn bản"): legal and administrative documents of a site (Decree 42/2022/NĐ-CP Art. 4). */
export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: { singular: { vi: 'Văn bản', en: 'Document' }, plural: { vi: 'Văn bản', en: 'Documents' } },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'abstract', 'type', 'issuedAt', 'reviewState', '_status'],
    group: { vi: 'Văn bản', en: 'Documents' },
    preview: (doc) => (typeof doc?.slug === 'string' ? `/van-ban/${doc.slug}` : null),
  },
  defaultSort: '-issuedAt',
  indexes: [{ fields: ['site', 'slug'] }, { fields: ['site', 'numberKey'] }],
  versions: { drafts: true, maxPerDoc: 30 },
  access: { read: readDocuments, readVersions: writers, create: canCreateDocument, update: canUpdateDocument, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText, fillDocumentSlug],
    beforeChange: [computeDocumentKeys],
    afterChange: [readModelHooks.documents.afterChange],
    afterDelete: [readModelHooks.documents.afterDelete],
  },
  fields: documentFields,
}
