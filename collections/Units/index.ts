import type { CollectionConfig } from 'payload'

import { editorsOnly, writers, publishedOrStaff } from '../../src/access/rules.ts'
import { slugField } from '../../src/fields/slug.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { UNIT_KINDS } from '../../src/organisation/kinds.ts'
import { renameAssignments } from '../../src/organisation/unitAssignment.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { parentOnSameSite } from './access/parentOnSameSite.ts'
import { ensureUniqueUnitSlug } from './hooks/ensureUniqueSlugPerSite.ts'

/**
 * The organisation of a site's agency (Decree 42/2022/NĐ-CP, Art. 4(1)(e)): the agency itself,
 * its departments and attached units, as a tree. Public pages: src/organisation.
 * Name, functions and address are `localized` (Vietnamese and English, payload.config.ts); the
 * English pages (src/english) read them; contacts and order are shared by both languages.
 */
export const Units: CollectionConfig = {
  slug: 'units',
  labels: { singular: { vi: 'Đơn vị', en: 'Unit' }, plural: { vi: 'Cơ cấu tổ chức', en: 'Units' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'parent', 'order', '_status'], group: { vi: 'Tổ chức', en: 'Organisation' } },
  defaultSort: 'order',
  versions: { drafts: true, maxPerDoc: 20 },
  access: { read: publishedOrStaff, readVersions: writers, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText, ensureUniqueUnitSlug],
    afterChange: [readModelHooks.units.afterChange, renameAssignments],
    afterDelete: [readModelHooks.units.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { vi: 'Tên đơn vị', en: 'Name' } },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'department',
      label: { vi: 'Loại', en: 'Kind' },
      options: UNIT_KINDS.map(({ value, label }) => ({ value, label })),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'units',
      label: { vi: 'Trực thuộc', en: 'Part of' },
      admin: { description: { vi: 'Để trống với cơ quan (gốc của sơ đồ)', en: 'Empty for the agency (root of the chart)' } },
      filterOptions: parentOnSameSite,
    },
    { name: 'functions', type: 'richText', localized: true, label: { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' } },
    {
      type: 'row',
      fields: [
        { name: 'address', type: 'text', localized: true, label: { vi: 'Địa chỉ', en: 'Address' } },
        { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } },
        { name: 'website', type: 'text', label: { vi: 'Trang thông tin', en: 'Website' }, validate: httpAddress },
      ],
    },
    { name: 'order', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' }, admin: { position: 'sidebar' } },
  ],
}

/** A website is an http(s) address: anything else would become a link the reader cannot follow. */
function httpAddress(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) ? true : 'Địa chỉ trang phải bắt đầu bằng http:// hoặc https://'
}
