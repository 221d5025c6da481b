import type { Field } from 'payload'

/**
 * Where an imported article came from (`npm run import`). The importer finds the article again
 * by the page's address or, for pages without one, by the fingerprint of its title and publish
 * minute; `legacyHash` tells whether the page changed since the last import.
 */
export const legacyFields: Field[] = [
  {
    name: 'legacySource',
    type: 'text',
    index: true,
    label: { vi: 'Nguồn nhập (cổng cũ)', en: 'Imported from' },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.legacySource) },
  },
  { name: 'legacyFingerprint', type: 'text', index: true, admin: { hidden: true } },
  { name: 'legacyHash', type: 'text', admin: { hidden: true } },
]

/** One imported article per legacy page and site. */
export const legacyIndexes = [{ fields: ['site', 'legacyFingerprint'], unique: true }]
