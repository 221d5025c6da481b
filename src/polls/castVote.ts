import type { Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Poll, Site } from '../payload-types.ts'
import type { PollService } from './service.ts'

import { addressVotes } from './addressLimit.ts'
import { checkSolution } from './captcha.ts'
import { findVoterVote } from './queries.ts'
import { RATE_WINDOW_MS } from './service.ts'
import { pollPhase } from './schedule.ts'
import { decodeChoices, encodeChoices } from './tally.ts'

export type VoteInput = {
  poll: Poll
  site: Site
  /** Option ids as sent by the form. */
  choices: unknown
  captcha: unknown
  voterKey: string | undefined
  ip: string
  userAgent: string
}

export type VoteOutcome =
  | { outcome: 'accepted' | 'flagged'; status: 200 | 202; message: string; choices: string[] }
  | { outcome: 'duplicate'; status: 409; message: string; choices: string[] }
  | { outcome: 'bad-choice' | 'bad-captcha' | 'closed' | 'expired' | 'rate-limited' | 'replay' | 'no-voter'; status: 400 | 409 | 429; message: string; retryAfterSeconds?: number }

const CAPTCHA_MESSAGES = {
  missing: 'Vui lòng hoàn tất bước "Mã xác nhận" trước khi biểu quyết.',
  malformed: 'Mã xác nhận không hợp lệ. Vui lòng thử lại.',
  invalid: 'Mã xác nhận không đúng. Vui lòng thử lại.',
  expired: 'Mã xác nhận đã hết hạn. Vui lòng xác nhận lại.',
  'other-poll': 'Mã xác nhận không dành cho cuộc thăm dò này. Vui lòng xác nhận lại.',
} as const

/** The chosen option ids, or a reason: one for a single-choice poll, one or more distinct ones otherwise. */
export function parseChoices(poll: Pick<Poll, 'multiple' | 'options'>, raw: unknown): string[] | string {
  const values = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map(String)
  if (values.length === 0) return 'Vui lòng chọn một phương án.'
  const known = new Set((poll.options ?? []).map((option) => option.id))
  if (values.some((value) => !known.has(value))) return 'Phương án đã chọn không có trong cuộc thăm dò này.'
  const distinct = [...new Set(values)]
  if (!poll.multiple && distinct.length > 1) return 'Cuộc thăm dò này chỉ cho chọn một phương án.'
  // Keep the poll's order, whatever the form's.
  return (poll.options ?? []).map((option) => option.id!).filter((id) => distinct.includes(id))
}

/**
 * Casts one vote. Phases: the poll is open; the choice is one of its options; the captcha is
 * genuine, unexpired and bound to this poll and voter; the address is under its limits; the voter has not
 * voted; then the used challenge and the vote are written in one transaction, where the unique
 * challenge key refuses a replay and the unique (poll, voter) pair a second vote.
 */
export async function castVote(service: PollService, input: VoteInput, now = new Date()): Promise<VoteOutcome> {
  const { payload, keys, settings } = service
  const { poll } = input

  const phase = pollPhase(poll, now)
  if (phase !== 'open') {
    const message = phase === 'notYetOpen' ? 'Cuộc thăm dò chưa bắt đầu, vui lòng quay lại sau.' : 'Cuộc thăm dò đã kết thúc, không nhận thêm phiếu.'
    return { outcome: 'closed', status: 409, message }
  }

  const choices = parseChoices(poll, input.choices)
  if (typeof choices === 'string') return { outcome: 'bad-choice', status: 400, message: choices }
  if (!input.voterKey) return { outcome: 'no-voter', status: 400, message: 'Trình duyệt cần cho phép cookie để biểu quyết. Vui lòng tải lại trang và thử lại.' }

  const captcha = await checkSolution(keys, input.captcha, poll.id, input.voterKey, now.getTime())
  if (!captcha.ok) return { outcome: captcha.reason === 'expired' ? 'expired' : 'bad-captcha', status: 400, message: CAPTCHA_MESSAGES[captcha.reason] }

  const ipHash = keys.ipHash(input.ip, now)
  const { attempts, retryAfterSeconds } = await addressVotes(payload, poll.id, ipHash, now)
  if (attempts > settings.blockAfter) {
    return { outcome: 'rate-limited', status: 429, message: 'Có quá nhiều lượt biểu quyết từ địa chỉ mạng của bạn. Vui lòng thử lại sau ít phút.', retryAfterSeconds }
  }
  const flagged = attempts > settings.flagAfter

  // No read before the write: the unique (poll, voter) index refuses a second vote, and the
  // refusal is explained from the rows afterwards (with the voter's earlier choice).
  const req = await createLocalReq({}, payload)
  try {
    await initTransaction(req)
    // Adapter-level inserts: the input is validated above, and the Local API's create would
    // re-read both relationships on every vote. Same transaction, same unique indexes.
    const at = now.toISOString()
    // server rights: inserts the used challenge, validated above; nothing is read back
    await payload.db.create({
      collection: 'poll-challenges',
      data: { key: captcha.key, poll: poll.id, expiresAt: captcha.expiresAt.toISOString(), createdAt: at, updatedAt: at },
      req,
      returning: false,
    })
    // server rights: inserts the vote built above from checked input; nothing is read back
    await payload.db.create({
      collection: 'poll-votes',
      data: {
        poll: poll.id,
        site: input.site.id,
        choices: encodeChoices(choices),
        voterKey: input.voterKey,
        ipHash,
        uaHash: keys.userAgentHash(input.userAgent),
        status: flagged ? 'flagged' : 'valid',
        flagReason: flagged ? `Quá ${settings.flagAfter} lượt từ một địa chỉ trong 10 phút` : undefined,
        createdAt: at,
        updatedAt: at,
      },
      req,
      returning: false,
    })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    return explainRefusal(payload, error, captcha.key, poll.id, input.voterKey)
  }

  if (flagged) {
    // The first vote over the threshold also flags the address's earlier votes in this window.
    if (attempts === settings.flagAfter + 1) await flagAddress(payload, poll.id, ipHash, now, settings.flagAfter)
    return { outcome: 'flagged', status: 202, message: 'Phiếu của bạn đã được ghi nhận và sẽ được kiểm tra vì có nhiều lượt biểu quyết từ cùng một địa chỉ mạng.', choices }
  }
  return { outcome: 'accepted', status: 200, message: 'Cảm ơn bạn đã tham gia biểu quyết!', choices }
}

function duplicate(choices: string): VoteOutcome {
  return { outcome: 'duplicate', status: 409, message: 'Bạn đã biểu quyết trong cuộc thăm dò này.', choices: decodeChoices(choices) }
}

/** A failed write is a second vote or a replay when the rows say so; anything else is a real failure. */
async function explainRefusal(payload: Payload, error: unknown, challengeKey: string, pollId: number | string, voterKey: string): Promise<VoteOutcome> {
  const earlier = await findVoterVote(payload, pollId, voterKey)
  if (earlier) return duplicate(earlier.choices)
  // server rights: only whether this challenge was used already
  const used = await payload.count({ collection: 'poll-challenges', where: { key: { equals: challengeKey } }, overrideAccess: true })
  if (used.totalDocs > 0) return { outcome: 'replay', status: 400, message: 'Mã xác nhận này đã được sử dụng. Vui lòng xác nhận lại.' }
  throw error
}

async function flagAddress(payload: Payload, pollId: number | string, ipHash: string, now: Date, flagAfter: number): Promise<void> {
  // server rights: marks this address's recent votes of this poll for review; the filter is built
  // here from the vote being cast, and nothing is returned to the voter
  await payload.update({
    collection: 'poll-votes',
    where: {
      and: [
        { poll: { equals: pollId } },
        { ipHash: { equals: ipHash } },
        { status: { equals: 'valid' } },
        { createdAt: { greater_than: new Date(now.getTime() - RATE_WINDOW_MS).toISOString() } },
      ],
    },
    data: { status: 'flagged', flagReason: `Quá ${flagAfter} lượt từ một địa chỉ trong 10 phút` },
    overrideAccess: true,
    depth: 0,
  })
}
