import type { Endpoint, PayloadRequest } from 'payload'

import type { User } from '../../../src/payload-types.ts'

import { CopyRecurringError, copyRecurringEntries, siteForCopy } from '../../../src/schedule/copyRecurring.ts'
import { currentWeek, parseWeek, shiftWeek, weekName } from '../../../src/schedule/week.ts'
import { bodyOf } from '../../Polls/endpoints/moderatedPoll.ts'
import { copyRecurringForm } from './copyRecurringForm.ts'

const wantsHtml = (req: PayloadRequest) => (req.headers.get('accept') ?? '').includes('text/html')

/** GET /api/schedule-entries/copy-recurring: the editors' form (this week or next week). */
export const copyRecurringPage: Endpoint = {
  path: '/copy-recurring',
  method: 'get',
  handler: async (req) => {
    try {
      siteForCopy(req.user as User | null, req.searchParams.get('site') ?? undefined)
    } catch (error) {
      if (!(error instanceof CopyRecurringError) || error.status !== 400) return refusal(error)
    }
    const now = currentWeek()
    const done = req.searchParams.get('done')
    return new Response(copyRecurringForm({ thisWeek: weekName(now), nextWeek: weekName(shiftWeek(now, 1)), user: req.user as User, done }), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    })
  },
}

/**
 * POST /api/schedule-entries/copy-recurring { week: '2026-W50', site? }: copies the recurring
 * entries of the week before into that week, as drafts. Answers how many were made.
 */
export const copyRecurring: Endpoint = {
  path: '/copy-recurring',
  method: 'post',
  handler: async (req) => {
    try {
      const body = await bodyOf(req)
      const site = siteForCopy(req.user as User | null, body.site)
      const target = typeof body.week === 'string' ? parseWeek(body.week) : undefined
      if (!target) return Response.json({ message: 'Tuần không hợp lệ: hãy ghi theo dạng 2026-W50.' }, { status: 400 })
      const result = await copyRecurringEntries(req.payload, { user: req.user as User, site, target })
      const message = `Đã sao chép ${result.created} mục lặp lại từ tuần ${result.from} sang tuần ${result.week} (bản nháp)${result.skipped ? `, bỏ qua ${result.skipped} mục đã có` : ''}.`
      if (wantsHtml(req)) return new Response(null, { status: 303, headers: { Location: `/api/schedule-entries/copy-recurring?done=${encodeURIComponent(message)}` } })
      return Response.json({ ...result, message })
    } catch (error) {
      return refusal(error)
    }
  },
}

function refusal(error: unknown): Response {
  if (error instanceof CopyRecurringError) return Response.json({ message: error.message }, { status: error.status })
  throw error
}
