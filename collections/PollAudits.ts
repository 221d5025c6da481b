import type { CollectionConfig } from 'payload'

import { nobody, pollModerators } from '../src/access/pollRules.ts'

/** Nhật ký kiểm duyệt: who voided or restored which votes, when, why and how many. Append-only. */
export const PollAudits: CollectionConfig = {
  slug: 'poll-audits',
  labels: { singular: { vi: 'Nhật ký kiểm duyệt', en: 'Moderation record' }, plural: { vi: 'Nhật ký kiểm duyệt', en: 'Moderation log' } },
  admin: { defaultColumns: ['poll', 'action', 'count', 'user', 'reason', 'createdAt'], group: { vi: 'Thăm dò ý kiến', en: 'Polls' } },
  defaultSort: '-createdAt',
  access: { read: pollModerators, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'poll', type: 'relationship', relationTo: 'polls', required: true, index: true, label: { vi: 'Cuộc thăm dò', en: 'Poll' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      label: { vi: 'Thao tác', en: 'Action' },
      options: [
        { value: 'void', label: { vi: 'Hủy phiếu', en: 'Void' } },
        { value: 'restore', label: { vi: 'Khôi phục phiếu', en: 'Restore' } },
      ],
    },
    { name: 'count', type: 'number', required: true, label: { vi: 'Số phiếu', en: 'Votes' } },
    { name: 'reason', type: 'text', required: true, label: { vi: 'Lý do', en: 'Reason' } },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, label: { vi: 'Người thực hiện', en: 'By' } },
    { name: 'votes', type: 'json', label: { vi: 'Mã các phiếu', en: 'Vote ids' } },
  ],
}
