import type { CollectionConfig } from 'payload'

import { adminsOnly, anyone } from '../src/access/rules.ts'
import { afterCommit } from '../src/db/afterCommit.ts'
import { contentEvents } from '../src/site/contentEvents.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'

/** A provincial portal served by this installation, recognised by the host names of its requests. */
export const Sites: CollectionConfig = {
  slug: 'sites',
  labels: { singular: { vi: 'Trang', en: 'Site' }, plural: { vi: 'Các trang', en: 'Sites' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'agency', 'updatedAt'], group: { vi: 'Hệ thống', en: 'System' } },
  access: { read: anyone, create: adminsOnly, update: adminsOnly, delete: adminsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    // Once committed: the host table and every page of the site (name, footer, colours) change.
    afterChange: [
      async ({ doc, req }) => {
        await afterCommit(req, () => {
          contentEvents.emit('sitesChanged')
          contentEvents.emit('pagesChanged', { site: String(doc.id) })
        })
      },
    ],
    afterDelete: [({ req }) => afterCommit(req, () => void contentEvents.emit('sitesChanged'))],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên trang', en: 'Site name' } },
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      label: { vi: 'Mã trang', en: 'Key' },
      admin: { description: { vi: 'Chữ thường không dấu, ví dụ: hoabinh', en: 'Lowercase ASCII, e.g. hoabinh' } },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[a-z0-9-]{2,40}$/.test(value) ? true : 'Chỉ dùng chữ thường không dấu, số và dấu gạch ngang',
    },
    {
      name: 'hosts',
      type: 'array',
      required: true,
      minRows: 1,
      label: { vi: 'Tên miền', en: 'Host names' },
      fields: [
        {
          name: 'host',
          type: 'text',
          required: true,
          label: { vi: 'Tên miền', en: 'Host name' },
          validate: (value: unknown) =>
            typeof value === 'string' && /^[a-z0-9.-]+(:\d+)?$/.test(value) ? true : 'Tên miền không hợp lệ',
        },
      ],
    },
    { name: 'agency', type: 'text', required: true, label: { vi: 'Cơ quan chủ quản', en: 'Agency' } },
    { name: 'governingBody', type: 'text', label: { vi: 'Cơ quan quản lý', en: 'Governing body' } },
    { name: 'licence', type: 'text', label: { vi: 'Giấy phép', en: 'Licence' } },
    { name: 'editorInChief', type: 'text', label: { vi: 'Chịu trách nhiệm chính', en: 'Editor in chief' } },
    { name: 'address', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' } },
    {
      type: 'row',
      fields: [
        { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
        { name: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
      ],
    },
    {
      name: 'visitsOffset',
      type: 'number',
      defaultValue: 0,
      min: 0,
      label: { vi: 'Tổng lượt truy cập trước đây', en: 'Earlier visits (starting total)' },
      admin: { description: { vi: 'Tổng của hệ thống cũ, cộng vào dòng "Tổng" của thống kê truy cập.', en: 'The old system\'s total, added to the statistics total.' } },
    },
    { name: 'logo', type: 'upload', relationTo: 'media', label: { vi: 'Biểu trưng', en: 'Logo' } },
    {
      type: 'row',
      fields: [
        { name: 'primaryColor', type: 'text', defaultValue: '#a50e0e', label: { vi: 'Màu chính', en: 'Primary colour' }, validate: validateColor },
        { name: 'accentColor', type: 'text', defaultValue: '#f2c200', label: { vi: 'Màu nhấn', en: 'Accent colour' }, validate: validateColor },
      ],
    },
  ],
}

function validateColor(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? true : 'Màu phải có dạng #RRGGBB'
}
