import type { Payload, PayloadRequest, Where } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ScheduleEntry, User } from '../payload-types.ts'

import { hasRole, isAdmin } from '../access/roles.ts'
import { addDays, dayOf, middayOf, shiftWeek, type Week, weekName, weekRange } from './week.ts'

export class CopyRecurringError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

type Site = number

/** The site an editor copies for: the one asked for if it is theirs, or their only one. */
export function siteForCopy(user: User | null, asked: unknown): Site {
  if (!user) throw new CopyRecurringError(401, 'Vui lòng đăng nhập.')
  if (!hasRole(user, 'admin', 'editor')) throw new CopyRecurringError(403, 'Chỉ biên tập viên hoặc quản trị được sao chép lịch công tác.')
  const own = (user.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site.id : entry.site))
  if (asked === undefined || asked === null || asked === '') {
    if (own.length === 1) return own[0]!
    throw new CopyRecurringError(400, 'Hãy chọn trang cần sao chép lịch.')
  }
  const site = Number(asked)
  if (!Number.isInteger(site) || site < 1) throw new CopyRecurringError(400, 'Trang không hợp lệ.')
  if (!isAdmin(user) && !own.includes(site)) throw new CopyRecurringError(403, 'Bạn không biên tập trang này.')
  return site
}

const inWeek = (site: Site, week: Week): Where[] => {
  const { from, to } = weekRange(week)
  return [{ site: { equals: site } }, { date: { greater_than_equal: from } }, { date: { less_than: to } }]
}

const keyOf = (entry: Pick<ScheduleEntry, 'content' | 'date' | 'startTime'>) => `${dayOf(entry.date)}|${entry.startTime}|${entry.content}`

/**
 * Copies the published recurring entries of the week before `target` into `target`, seven days
 * later, as drafts for the editor to check and publish. An entry already there (same day, time
 * and content) is not copied again, so running it twice adds nothing. All or nothing: one
 * transaction. Runs with the editor's own rights, so the site filter of the multi-tenant plugin
 * applies as well.
 */
export async function copyRecurringEntries(payload: Payload, { user, site, target }: { user: User; site: Site; target: Week }) {
  const req: PayloadRequest = await createLocalReq({ user }, payload)
  await initTransaction(req)
  try {
    const source = await payload.find({
      collection: 'schedule-entries',
      where: { and: [...inWeek(site, shiftWeek(target, -1)), { recurring: { equals: true } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: 500,
      pagination: false,
      sort: 'date',
      overrideAccess: false,
      user,
      req,
    })
    const present = await payload.find({ collection: 'schedule-entries', where: { and: inWeek(site, target) }, draft: true, depth: 0, limit: 1000, pagination: false, overrideAccess: false, user, req })
    const taken = new Set(present.docs.map(keyOf))
    const created: ScheduleEntry[] = []
    for (const entry of source.docs) {
      const date = middayOf(addDays(dayOf(entry.date), 7))
      if (taken.has(keyOf({ ...entry, date }))) continue
      const copy = await payload.create({
        collection: 'schedule-entries',
        draft: true,
        data: {
          site,
          date,
          startTime: entry.startTime,
          endTime: entry.endTime,
          leaders: entry.leaders,
          unit: entry.unit,
          presider: entry.presider,
          content: entry.content,
          place: entry.place,
          attendees: entry.attendees,
          notes: entry.notes,
          recurring: true,
          _status: 'draft',
        },
        depth: 0,
        overrideAccess: false,
        user,
        req,
      })
      created.push(copy)
    }
    await commitTransaction(req)
    return { week: weekName(target), from: weekName(shiftWeek(target, -1)), created: created.length, skipped: source.docs.length - created.length }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
