import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../src/access/rules.ts'
import { purgeSiteCache } from '../src/site/cache/purgeHooks.ts'
import { CONDITION_OPTIONS } from '../src/weather/conditions.ts'

/**
 * Số liệu thời tiết of one place of a weather box at one time: fetched from the provider by the
 * refresh job, or typed in by an editor where the server cannot reach the internet.
 */
export const WeatherObservations: CollectionConfig = {
  slug: 'weather-observations',
  labels: { singular: { vi: 'Số liệu thời tiết', en: 'Weather observation' }, plural: { vi: 'Số liệu thời tiết', en: 'Weather observations' } },
  admin: { useAsTitle: 'locationName', defaultColumns: ['locationName', 'temperature', 'observedAt', 'source'], group: { vi: 'Tiện ích', en: 'Widgets' } },
  defaultSort: '-observedAt',
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  hooks: { afterChange: [purgeSiteCache.afterChange], afterDelete: [purgeSiteCache.afterDelete] },
  fields: [
    { name: 'widget', type: 'relationship', relationTo: 'weather-widgets', required: true, index: true, label: { vi: 'Hộp thời tiết', en: 'Weather box' } },
    { name: 'locationName', type: 'text', required: true, index: true, label: { vi: 'Địa điểm (đúng tên trong hộp)', en: 'Place (as named in the box)' } },
    {
      type: 'row',
      fields: [
        { name: 'temperature', type: 'number', required: true, min: -60, max: 70, label: { vi: 'Nhiệt độ (°C)', en: 'Temperature (°C)' } },
        { name: 'humidity', type: 'number', required: true, min: 0, max: 100, label: { vi: 'Độ ẩm (%)', en: 'Humidity (%)' } },
        { name: 'windSpeed', type: 'number', required: true, min: 0, max: 500, label: { vi: 'Tốc độ gió (km/h)', en: 'Wind (km/h)' } },
      ],
    },
    { name: 'condition', type: 'select', required: true, defaultValue: 'cloudy', options: CONDITION_OPTIONS, label: { vi: 'Tình trạng', en: 'Condition' } },
    {
      name: 'observedAt',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      label: { vi: 'Thời điểm quan trắc', en: 'Observed at' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'manual',
      options: [
        { value: 'manual', label: { vi: 'Nhập tay', en: 'Manual' } },
        { value: 'open-meteo', label: { vi: 'Open-Meteo', en: 'Open-Meteo' } },
      ],
      label: { vi: 'Nguồn', en: 'Source' },
    },
    {
      name: 'forecast',
      type: 'array',
      maxRows: 7,
      label: { vi: 'Dự báo các ngày tới', en: 'Next days' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'text', required: true, label: { vi: 'Ngày (YYYY-MM-DD)', en: 'Date (YYYY-MM-DD)' } },
            { name: 'min', type: 'number', required: true, label: { vi: 'Thấp nhất (°C)', en: 'Min (°C)' } },
            { name: 'max', type: 'number', required: true, label: { vi: 'Cao nhất (°C)', en: 'Max (°C)' } },
            { name: 'condition', type: 'select', required: true, options: CONDITION_OPTIONS, label: { vi: 'Tình trạng', en: 'Condition' } },
          ],
        },
      ],
    },
  ],
}
