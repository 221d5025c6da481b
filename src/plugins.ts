import type { Plugin } from 'payload'

import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'

import type { Config } from './payload-types.ts'

import { siteScopedDocumentLocks } from './access/documentLocks.ts'
import { publicApiBounds } from './access/publicApiBounds.ts'
import { isAdmin } from './access/roles.ts'

/** Every content collection belongs to one site; editors see and change only their sites' documents. */
export const plugins: Plugin[] = [
  multiTenantPlugin<Config>({
    tenantsSlug: 'sites',
    tenantField: { name: 'site', label: { vi: 'Trang', en: 'Site' } },
    tenantsArrayField: { arrayFieldName: 'sites', arrayTenantFieldName: 'site' },
    tenantSelectorLabel: { vi: 'Trang', en: 'Site' },
    userHasAccessToAllTenants: (user) => isAdmin(user),
    collections: {
      articles: {},
      authors: {},
      banners: {},
      captions: {},
      categories: {},
      'consultation-comments': {},
      consultations: {},
      documents: {},
      'document-files': {},
      'document-terms': {},
      media: {},
      notices: {},
      people: {},
      'poll-audits': {},
      'poll-votes': {},
      polls: {},
      'question-attachments': {},
      'question-fields': {},
      questions: {},
      'schedule-entries': {},
      tags: {},
      units: {},
      videos: {},
      'visit-counters': {},
      'weather-observations': {},
      'weather-widgets': {},
    },
  }),
  siteScopedDocumentLocks,
  publicApiBounds,
]
