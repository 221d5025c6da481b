import type { CollectionConfig } from 'payload'

import { withinWindowOrStaff } from '../src/access/publicContent.ts'
import { editorsOnly } from '../src/access/rules.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { purgeSiteCache } from '../src/site/cache/purgeHooks.ts'

export const BANNER_PLACEMENTS = [
  { value: 'homeTop', label: { vi: 'Đầu trang chủ', en: 'Home, top' } },
  { value: 'sidebar', label: { vi: 'Cột phải', en: 'Sidebar' } },
  { value: 'footer', label: { vi: 'Chân trang', en: 'Footer' } },
] as const

export const Banners: CollectionConfig = {
  slug: 'banners',
  labels: { singular: { vi: 'Băng rôn', en: 'Banner' }, plural: { vi: 'Băng rôn', en: 'Banners' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'placement', 'startsAt', 'endsAt'], group: { vi: 'Nội dung', en: 'Content' } },
  defaultSort: 'order',
  access: { read: withinWindowOrStaff('startsAt', 'endsAt'), create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [purgeSiteCache.afterChange], afterDelete: [purgeSiteCache.afterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tên', en: 'Title' } },
    { name: 'image', type: 'upload', relationTo: 'media', required: true, label: { vi: 'Ảnh', en: 'Image' } },
    {
      name: 'link',
      type: 'text',
      label: { vi: 'Liên kết', en: 'Link' },
      validate: (value: unknown) =>
        !value || (typeof value === 'string' && /^(https?:\/\/|\/)/.test(value)) ? true : 'Liên kết phải bắt đầu bằng http://, https:// hoặc /',
    },
    { name: 'placement', type: 'select', required: true, defaultValue: 'sidebar', options: BANNER_PLACEMENTS.map((p) => ({ ...p })), label: { vi: 'Vị trí', en: 'Placement' } },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', label: { vi: 'Bắt đầu', en: 'Starts at' } },
        { name: 'endsAt', type: 'date', label: { vi: 'Kết thúc', en: 'Ends at' } },
        { name: 'order', type: 'number', defaultValue: 0, label: { vi: 'Thứ tự', en: 'Order' } },
      ],
    },
  ],
}
