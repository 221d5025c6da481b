import type { CollectionConfig } from 'payload'

import { editorsOnly, anyone } from '../src/access/rules.ts'
import { normalizeText } from '../src/hooks/normalizeText.ts'
import { purgeSiteCache } from '../src/site/cache/purgeHooks.ts'

/** Hộp "Dự báo thời tiết": the places it shows, where the numbers come from, and where it appears. */
export const WeatherWidgets: CollectionConfig = {
  slug: 'weather-widgets',
  labels: { singular: { vi: 'Hộp thời tiết', en: 'Weather box' }, plural: { vi: 'Hộp thời tiết', en: 'Weather boxes' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'mode', 'refreshMinutes', 'visible'], group: { vi: 'Tiện ích', en: 'Widgets' } },
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { beforeValidate: [normalizeText], afterChange: [purgeSiteCache.afterChange], afterDelete: [purgeSiteCache.afterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, defaultValue: 'Dự báo thời tiết', label: { vi: 'Tiêu đề', en: 'Title' } },
    {
      name: 'locations',
      type: 'array',
      required: true,
      minRows: 1,
      label: { vi: 'Địa điểm (theo thứ tự hiển thị)', en: 'Places (in display order)' },
      fields: [
        { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
        {
          type: 'row',
          fields: [
            { name: 'latitude', type: 'number', required: true, min: -90, max: 90, label: { vi: 'Vĩ độ', en: 'Latitude' } },
            { name: 'longitude', type: 'number', required: true, min: -180, max: 180, label: { vi: 'Kinh độ', en: 'Longitude' } },
            { name: 'isDefault', type: 'checkbox', defaultValue: false, label: { vi: 'Mặc định', en: 'Default' } },
          ],
        },
      ],
    },
    {
      name: 'mode',
      type: 'select',
      required: true,
      defaultValue: 'open-meteo',
      options: [
        { value: 'open-meteo', label: { vi: 'Tự động (Open-Meteo)', en: 'Automatic (Open-Meteo)' } },
        { value: 'manual', label: { vi: 'Nhập tay', en: 'Manual entry' } },
      ],
      label: { vi: 'Nguồn số liệu', en: 'Data source' },
    },
    {
      name: 'refreshMinutes',
      type: 'number',
      required: true,
      defaultValue: 30,
      min: 5,
      max: 1440,
      label: { vi: 'Cập nhật sau mỗi (phút)', en: 'Refresh every (minutes)' },
    },
    {
      name: 'visible',
      type: 'checkbox',
      defaultValue: true,
      label: { vi: 'Hiển thị ở cột phải (trang chủ và trang bài viết)', en: 'Shown in the right column (home and article pages)' },
    },
  ],
}
