import type { Payload, PayloadRequest, Where } from 'payload'

import type { Poll } from '../payload-types.ts'

import { formatDateTime, formatNumber } from '../lib/dates.ts'

export type Tally = { total: number; counts: Record<string, number> }

/** How a vote row stores its chosen option ids: `|id|id|`, so `contains` finds one option on every adapter. */
export const encodeChoices = (ids: string[]): string => `|${ids.join('|')}|`
export const decodeChoices = (choices: string): string[] => choices.split('|').filter(Boolean)

/**
 * Counts derived from the vote rows, never stored: the valid votes, then the valid votes that chose
 * each option (`choices` contains `|id|`), counted by the database, so no vote row is read into
 * memory however many there are. Voiding or restoring a vote changes the tally at once, and
 * concurrent votes cannot lose an increment. The sidebar widget's render is cached for a few
 * seconds (src/site/sidebar.ts), so pages do not repeat it per request. Votes are not public, so
 * this counts with the server's rights: call it only for a poll the caller could read.
 */
export async function tallyPoll(payload: Payload, poll: Pick<Poll, 'id' | 'options'>, req?: Partial<PayloadRequest>): Promise<Tally> {
  const valid: Where[] = [{ poll: { equals: poll.id } }, { status: { equals: 'valid' } }]
  // server rights: how many valid votes, overall and per option; no vote leaves this function
  const count = async (where: Where[]) => (await payload.count({ collection: 'poll-votes', where: { and: where }, overrideAccess: true, req })).totalDocs
  // One after another: inside a caller's transaction the queries share one connection.
  const total = await count(valid)
  const counts: Record<string, number> = {}
  for (const option of poll.options ?? []) {
    if (option.id) counts[option.id] = total === 0 ? 0 : await count([...valid, { choices: { contains: encodeChoices([option.id]) } }])
  }
  return { total, counts }
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
