import type { CollectionConfig } from 'payload'

import { editorsOnly, writers, publishedOrStaff, staffOrServer } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { onSameSite } from './access/onSameSite.ts'
import { copyRecurring, copyRecurringPage } from './endpoints/copyRecurring.ts'
import { normalizeDay } from './hooks/normalizeDay.ts'
import { recordAdjustment } from './hooks/recordAdjustment.ts'

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/

const clockTime = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && HH_MM.test(value)) ? true : 'Giờ viết theo dạng 24 giờ HH:mm, ví dụ 08:00 hoặc 14:30.'

/**
 * The leaders' weekly work schedule ("Lịch công tác"): one entry per meeting or visit. Public
 * pages: src/schedule. A change to a published entry is kept as "Điều chỉnh" history.
 */
export const ScheduleEntries: CollectionConfig = {
  slug: 'schedule-entries',
  labels: { singular: { vi: 'Mục lịch công tác', en: 'Schedule entry' }, plural: { vi: 'Lịch công tác', en: 'Work schedule' } },
  admin: {
    useAsTitle: 'content',
    defaultColumns: ['date', 'startTime', 'content', 'leaders', 'place', 'recurring', '_status'],
    group: { vi: 'Tổ chức', en: 'Organisation' },
    components: { beforeListTable: ['/src/admin/schedule/CopyRecurringLink.tsx#CopyRecurringLink'] },
  },
  defaultSort: 'date',
  versions: { drafts: true, maxPerDoc: 20 },
  access: { read: publishedOrStaff, readVersions: writers, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  endpoints: [copyRecurringPage, copyRecurring],
  hooks: {
    beforeValidate: [normalizeText, normalizeDay],
    beforeChange: [recordAdjustment],
    afterChange: [readModelHooks.scheduleEntries.afterChange],
    afterDelete: [readModelHooks.scheduleEntries.afterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', required: true, label: { vi: 'Ngày', en: 'Day' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
        { name: 'startTime', type: 'text', required: true, label: { vi: 'Giờ bắt đầu', en: 'Starts' }, validate: clockTime, admin: { placeholder: '08:00' } },
        { name: 'endTime', type: 'text', label: { vi: 'Giờ kết thúc', en: 'Ends' }, validate: clockTime, admin: { placeholder: '11:30' } },
      ],
    },
    { name: 'leaders', type: 'relationship', relationTo: 'people', hasMany: true, label: { vi: 'Lãnh đạo chủ trì', en: 'Leaders' }, filterOptions: onSameSite },
    { name: 'unit', type: 'relationship', relationTo: 'units', label: { vi: 'Đơn vị', en: 'Unit' }, filterOptions: onSameSite },
    {
      name: 'presider',
      type: 'text',
      label: { vi: 'Chủ trì (ghi khác)', en: 'Presided by (free text)' },
      admin: { description: { vi: 'Khi người chủ trì không có trong danh sách cán bộ, ví dụ "Thường trực Tỉnh ủy"', en: 'When not in the people list' } },
    },
    { name: 'content', type: 'textarea', required: true, label: { vi: 'Nội dung', en: 'Content' } },
    { name: 'place', type: 'text', label: { vi: 'Địa điểm', en: 'Place' } },
    { name: 'attendees', type: 'textarea', label: { vi: 'Thành phần', en: 'Attendees' } },
    { name: 'notes', type: 'textarea', label: { vi: 'Ghi chú', en: 'Notes' } },
    {
      name: 'recurring',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Lặp lại hằng tuần', en: 'Recurs weekly' },
      admin: { position: 'sidebar', description: { vi: 'Được sao chép sang tuần sau bằng thao tác "Sao chép lịch tuần trước"', en: 'Copied by "copy last week"' } },
    },
    {
      name: 'changes',
      type: 'array',
      label: { vi: 'Điều chỉnh sau khi đăng', en: 'Adjustments after publishing' },
      labels: { singular: { vi: 'Điều chỉnh', en: 'Adjustment' }, plural: { vi: 'Điều chỉnh', en: 'Adjustments' } },
      admin: { readOnly: true, position: 'sidebar', description: { vi: 'Tự ghi khi mục đã đăng được sửa và đăng lại', en: 'Written when a published entry is changed' } },
      fields: [
        { name: 'at', type: 'date', required: true, label: { vi: 'Lúc', en: 'At' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'summary', type: 'textarea', required: true, label: { vi: 'Đã thay đổi', en: 'What changed' } },
      ],
    },
    // The values readers last saw, to compare with at the next publish (hooks/recordAdjustment.ts).
    { name: 'publishedSnapshot', type: 'json', admin: { hidden: true }, access: { read: staffOrServer } },
  ],
}
