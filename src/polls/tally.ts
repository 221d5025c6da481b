import type { Payload, PayloadRequest, Where } from 'payload'

import type { Poll } from '../payload-types.ts'

import { formatDateTime, formatNumber } from '../lib/dates.ts'

export type Tally = { total: number; counts: Record<string, number> }

/** How a vote row stores its chosen option ids: `|id|id|`, so `contains` finds one option on every adapter. */
export const encodeChoices = (ids: string[]): string => `|${ids.join('|')}|`
export const decodeChoices = (choices: string): string[] => choices.split('|').filter(Boolean)

/**
 * Counts derived from the vote rows, never stored: one count of valid votes per option and one of
 * all valid votes. Voiding or restoring a vote changes the tally at once, and concurrent votes
 * cannot lose an increment. Votes are not public, so this reads with the server's rights: call it
 * only for a poll the caller was allowed to read.
 */
export async function tallyPoll(payload: Payload, poll: Pick<Poll, 'id' | 'options'>, req?: Partial<PayloadRequest>): Promise<Tally> {
  const valid: Where[] = [{ poll: { equals: poll.id } }, { status: { equals: 'valid' } }]
  const options = (poll.options ?? []).filter((option) => option.id)
  const [total, ...perOption] = await Promise.all([
    // server rights: counts of valid votes of a poll the caller could read; no vote leaves here
    payload.count({ collection: 'poll-votes', where: { and: valid }, overrideAccess: true, req }),
    ...options.map((option) =>
      // server rights: as above
      payload.count({ collection: 'poll-votes', where: { and: [...valid, { choices: { contains: `|${option.id}|` } }] }, overrideAccess: true, req }),
    ),
  ])
  return { total: total.totalDocs, counts: Object.fromEntries(options.map((option, index) => [option.id!, perOption[index]!.totalDocs])) }
}

export type ResultRow = { id: string; label: string; count: number; share: number; countText: string; shareText: string }
export type Results = { rows: ResultRow[]; total: number; totalText: string; period: string }

const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** Counts with vi-VN formatting ("1.234 phiếu", "60,5%"); shares are of all voters. */
export function toResults(poll: Pick<Poll, 'closesAt' | 'opensAt' | 'options'>, tally: Tally): Results {
  const rows = (poll.options ?? []).map((option) => {
    const count = tally.counts[option.id ?? ''] ?? 0
    const share = tally.total === 0 ? 0 : count / tally.total
    return { id: option.id ?? '', label: option.label, count, share, countText: `${formatNumber(count)} phiếu`, shareText: percent.format(share) }
  })
  return { rows, total: tally.total, totalText: `${formatNumber(tally.total)} phiếu`, period: pollPeriod(poll) }
}

/** "Từ 01/11/2026 08:00 đến 30/11/2026 17:00" */
export function pollPeriod(poll: Pick<Poll, 'closesAt' | 'opensAt'>): string {
  const from = poll.opensAt ? `Từ ${formatDateTime(poll.opensAt)}` : ''
  const to = poll.closesAt ? `đến ${formatDateTime(poll.closesAt)}` : ''
  return [from, to].filter(Boolean).join(' ') || 'Không giới hạn thời gian'
}

/** The tally as text for the admin's poll view. */
export function describeTally(poll: Pick<Poll, 'closesAt' | 'id' | 'opensAt' | 'options'>, tally: Tally): string {
  const results = toResults(poll, tally)
  return [
    ...results.rows.map((row) => `${row.label}: ${row.countText} (${row.shareText})`),
    `Tổng: ${results.totalText} hợp lệ`,
    `Xem xét phiếu nghi vấn, hủy/khôi phục, xuất CSV: /api/polls/${poll.id}/review`,
  ].join('\n')
}
