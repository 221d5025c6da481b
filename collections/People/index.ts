import type { CollectionConfig } from 'payload'

import { editorsOnly, writers, publishedOrStaff } from '../../src/access/rules.ts'
import { slugField } from '../../src/fields/slug.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'

/**
 * The agency's leaders, contact officials and spokesperson (Decree 42/2022/NĐ-CP Art. 4(1)(e),
 * Decree 09/2017/NĐ-CP): name, title, unit and official contacts. Public pages: src/organisation.
 * Title and biography are `localized` (Vietnamese and English); a name is the same in both languages.
 */
export const People: CollectionConfig = {
  slug: 'people',
  labels: { singular: { vi: 'Cán bộ', en: 'Person' }, plural: { vi: 'Lãnh đạo, cán bộ', en: 'People' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'title', 'unit', 'isLeader', 'isSpokesperson', '_status'],
    group: { vi: 'Tổ chức', en: 'Organisation' },
  },
  defaultSort: 'order',
  versions: { drafts: true, maxPerDoc: 20 },
  access: { read: publishedOrStaff, readVersions: writers, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.people.afterChange],
    afterDelete: [readModelHooks.people.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Name' } },
    slugField('name'),
    { name: 'title', type: 'text', required: true, localized: true, label: { vi: 'Chức vụ', en: 'Title' } },
    { name: 'unit', type: 'relationship', relationTo: 'units', label: { vi: 'Đơn vị', en: 'Unit' } },
    { name: 'photo', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh', en: 'Photo' } },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
        { name: 'email', type: 'email', label: { vi: 'Thư điện tử công vụ', en: 'Official e-mail' } },
      ],
    },
    { name: 'bio', type: 'textarea', localized: true, label: { vi: 'Tiểu sử tóm tắt', en: 'Short biography' } },
    { name: 'order', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' }, admin: { position: 'sidebar' } },
    {
      name: 'isLeader',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Lãnh đạo', en: 'Leader' },
      admin: { position: 'sidebar', description: { vi: 'Hiện ở trang "Lãnh đạo"', en: 'Shown on the leaders page' } },
    },
    {
      name: 'isContact',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Đầu mối liên hệ', en: 'Contact official' },
      admin: { position: 'sidebar', description: { vi: 'Hiện đầu danh bạ', en: 'Listed first in the directory' } },
    },
    {
      name: 'isSpokesperson',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Người phát ngôn', en: 'Spokesperson' },
      admin: { position: 'sidebar', description: { vi: 'Theo Nghị định 09/2017/NĐ-CP', en: 'Decree 09/2017/NĐ-CP' } },
    },
  ],
}
