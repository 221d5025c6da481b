import type { CompoundIndex, Field } from 'payload'

import { staffOrServer } from '../../src/access/rules.ts'
import { env } from '../../src/config/env.ts'
import { databaseKind } from '../../src/db/adapter.ts'

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
    access: { read: staffOrServer },
  },
  { name: 'legacyFingerprint', type: 'text', index: true, admin: { hidden: true }, access: { read: staffOrServer } },
  { name: 'legacyHash', type: 'text', admin: { hidden: true }, access: { read: staffOrServer } },
]

/**
 * One imported article per legacy page and site. SQL unique indexes let NULLs repeat (articles
 * written in the admin have no fingerprint); MongoDB's do not, so there the index is a plain one
 * and the importer's look-up before each write keeps one article per page.
 */
export const legacyIndexes: CompoundIndex[] = [
  { fields: ['site', 'legacyFingerprint'], unique: databaseKind(env().databaseUrl) !== 'mongodb' },
]
