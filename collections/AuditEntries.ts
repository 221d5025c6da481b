import type { CollectionConfig, Field } from 'payload'

import { adminsOnly } from '../src/access/rules.ts'
import { nobody } from '../src/access/pollRules.ts'
import { AUDIT_ACTIONS, AUDIT_COLLECTION } from '../src/ops/audit/actions.ts'
import { exportAuditCsv } from '../src/ops/audit/exportCsv.ts'

const text = (name: string, vi: string, en: string, extra: Partial<Field> = {}): Field => ({ name, type: 'text', label: { vi, en }, ...extra }) as Field

/**
 * Nhật ký thao tác: who did what to which document, when, from which (hashed) address. Written only
 * by src/ops/audit; nobody may change or delete an entry through the admin or the API; administrators
 * read, filter and export it (GET /api/audit-entries/export.csv). Old entries go after AUDIT_RETENTION_DAYS.
 */
export const AuditEntries: CollectionConfig = {
  slug: AUDIT_COLLECTION,
  labels: { singular: { vi: 'Nhật ký thao tác', en: 'Audit entry' }, plural: { vi: 'Nhật ký thao tác', en: 'Audit trail' } },
  admin: {
    group: { vi: 'Hệ thống', en: 'System' },
    useAsTitle: 'title',
    defaultColumns: ['createdAt', 'action', 'collectionSlug', 'title', 'userEmail', 'fields'],
    description: { vi: 'Chỉ đọc. Xuất CSV: /api/audit-entries/export.csv', en: 'Read only. CSV export: /api/audit-entries/export.csv' },
  },
  defaultSort: '-createdAt',
  access: { read: adminsOnly, create: nobody, update: nobody, delete: nobody },
  endpoints: [{ path: '/export.csv', method: 'get', handler: exportAuditCsv }],
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { vi: 'Thao tác', en: 'Action' },
      options: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
    },
    text('collectionSlug', 'Loại nội dung', 'Collection', { index: true }),
    text('documentId', 'Mã tài liệu', 'Document id', { index: true }),
    text('title', 'Tài liệu', 'Document'),
    { name: 'site', type: 'relationship', relationTo: 'sites', label: { vi: 'Trang', en: 'Site' } },
    text('fields', 'Trường đã sửa', 'Changed fields'),
    text('detail', 'Chi tiết', 'Detail'),
    { name: 'user', type: 'relationship', relationTo: 'users', label: { vi: 'Người thực hiện', en: 'By' } },
    text('userEmail', 'Email người thực hiện', 'By (email)', { index: true }),
    text('addressHash', 'Địa chỉ (băm)', 'Address (hashed)'),
  ],
}
