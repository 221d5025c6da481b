import type { CollectionConfig } from 'payload'

import { nobody, pollModerators } from '../src/access/pollRules.ts'

/**
 * Phiếu bình chọn: one row per accepted vote. No raw address and no raw cookie: the voter is an
 * HMAC of a random cookie, the address a hash salted per day. Written only by the vote endpoint
 * and changed only through moderation (src/polls/moderation.ts), which keeps an audit record.
 */
export const PollVotes: CollectionConfig = {
  slug: 'poll-votes',
  labels: { singular: { vi: 'Phiếu bình chọn', en: 'Vote' }, plural: { vi: 'Phiếu bình chọn', en: 'Votes' } },
  admin: {
    defaultColumns: ['poll', 'choices', 'status', 'ipHash', 'createdAt'],
    group: { vi: 'Thăm dò ý kiến', en: 'Polls' },
  },
  defaultSort: '-createdAt',
  access: { read: pollModerators, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['poll', 'voterKey'], unique: true }, { fields: ['poll', 'status'] }, { fields: ['poll', 'ipHash'] }],
  fields: [
    { name: 'poll', type: 'relationship', relationTo: 'polls', required: true, index: true, label: { vi: 'Cuộc thăm dò', en: 'Poll' } },
    {
      name: 'choices',
      type: 'text',
      required: true,
      label: { vi: 'Phương án đã chọn (mã)', en: 'Chosen options (ids)' },
      admin: { description: { vi: 'Mã các phương án, dạng |mã|mã|', en: 'Option ids, as |id|id|' } },
    },
    // The voter key only serves the uniqueness of a vote: nobody reads it through the API.
    { name: 'voterKey', type: 'text', required: true, access: { read: () => false }, label: { vi: 'Mã người bình chọn', en: 'Voter key' } },
    { name: 'ipHash', type: 'text', required: true, index: true, label: { vi: 'Mã địa chỉ IP (băm, đổi muối mỗi ngày)', en: 'IP hash (daily salt)' } },
    { name: 'uaHash', type: 'text', required: true, index: true, label: { vi: 'Mã trình duyệt (băm)', en: 'User agent hash' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'valid',
      label: { vi: 'Trạng thái', en: 'Status' },
      options: [
        { value: 'valid', label: { vi: 'Hợp lệ', en: 'Valid' } },
        { value: 'flagged', label: { vi: 'Bị gắn cờ', en: 'Flagged' } },
        { value: 'void', label: { vi: 'Đã hủy', en: 'Void' } },
      ],
    },
    { name: 'flagReason', type: 'text', label: { vi: 'Lý do gắn cờ', en: 'Flag reason' } },
    { name: 'moderatedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người xử lý', en: 'Moderated by' } },
    { name: 'moderatedAt', type: 'date', label: { vi: 'Thời điểm xử lý', en: 'Moderated at' } },
    { name: 'moderationReason', type: 'text', label: { vi: 'Lý do xử lý', en: 'Moderation reason' } },
  ],
}
