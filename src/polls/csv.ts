import type { Payload } from 'payload'

import type { Poll, PollVote } from '../payload-types.ts'
import type { Results } from './tally.ts'

import { formatDateTime } from '../lib/dates.ts'
import { decodeChoices } from './tally.ts'

const cell = (value: number | string | null | undefined): string => {
  const text = String(value ?? '')
  // Quote always; neutralise spreadsheet formulas.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`
}
/** CSV with a byte-order mark and CRLF, so spreadsheet programs read Vietnamese correctly. */
export const toCsv = (rows: (number | string | null | undefined)[][]) => `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`

export function resultsCsv(poll: Poll, results: Results): string {
  return toCsv([
    ['Câu hỏi', poll.question],
    ['Thời gian', results.period],
    [],
    ['Phương án', 'Số phiếu hợp lệ', 'Tỷ lệ (%)'],
    ...results.rows.map((row) => [row.label, row.count, (row.share * 100).toFixed(1)]),
    ['Tổng', results.total, results.total ? '100.0' : '0.0'],
  ])
}

/** Every vote of a poll without its secrets: no voter key; address and browser only as hashes. */
export async function votesCsv(payload: Payload, poll: Poll): Promise<string> {
  const labels = new Map((poll.options ?? []).map((option) => [option.id ?? '', option.label]))
  // server rights: callers pass a poll the moderator's own access found (moderatedPoll)
  const result = await payload.find({
    collection: 'poll-votes',
    where: { poll: { equals: poll.id } },
    select: { choices: true, ipHash: true, uaHash: true, status: true, flagReason: true, moderationReason: true, moderatedAt: true, createdAt: true },
    sort: 'createdAt',
    depth: 0,
    limit: 200_000,
    pagination: false,
    overrideAccess: true,
  })
  const votes = result.docs as PollVote[]
  return toCsv([
    ['Mã phiếu', 'Thời điểm', 'Phương án', 'Trạng thái', 'Mã địa chỉ IP (băm)', 'Mã trình duyệt (băm)', 'Lý do gắn cờ', 'Lý do xử lý', 'Thời điểm xử lý'],
    ...votes.map((vote) => [
      vote.id,
      formatDateTime(vote.createdAt),
      decodeChoices(vote.choices)
        .map((id) => labels.get(id) ?? id)
        .join('; '),
      vote.status,
      vote.ipHash,
      vote.uaHash,
      vote.flagReason,
      vote.moderationReason,
      vote.moderatedAt ? formatDateTime(vote.moderatedAt) : '',
    ]),
  ])
}
