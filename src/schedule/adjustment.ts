import type { PayloadRequest } from 'payload'

import type { ScheduleEntry } from '../payload-types.ts'

import { dayOf } from './week.ts'

/** What readers of a published entry see, as text: compared at each publish to record adjustments. */
export type PublishedValues = { day: string; time: string; who: string; content: string; place: string; attendees: string }

const LABELS: Record<keyof PublishedValues, string> = {
  day: 'Ngày',
  time: 'Giờ',
  who: 'Chủ trì',
  content: 'Nội dung',
  place: 'Địa điểm',
  attendees: 'Thành phần',
}

type Ref = number | { id: number; name?: string } | null | undefined
const idOf = (ref: Ref): number | undefined => (ref === null || ref === undefined ? undefined : typeof ref === 'object' ? ref.id : ref)

export function timeText(start: string | null | undefined, end: string | null | undefined): string {
  return end ? `${start ?? ''}–${end}` : (start ?? '')
}

/** The names of the entry's leaders and unit, then its free text, as one line. */
export async function publishedValuesOf(req: PayloadRequest, entry: ScheduleEntry): Promise<PublishedValues> {
  const leaderIds = (entry.leaders ?? []).map((leader) => idOf(leader as Ref)).filter((id): id is number => id !== undefined)
  const unitId = idOf(entry.unit as Ref)
  // server rights: names of people and units of the entry's own site, for the history text only.
  const [leaders, unit] = await Promise.all([
    leaderIds.length > 0 ? req.payload.find({ collection: 'people', where: { id: { in: leaderIds } }, depth: 0, limit: leaderIds.length, pagination: false, overrideAccess: true, req }) : undefined,
    unitId !== undefined ? req.payload.find({ collection: 'units', where: { id: { equals: unitId } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req }) : undefined,
  ])
  const names = leaderIds.map((id) => leaders?.docs.find((person) => person.id === id)?.name).filter(Boolean)
  const who = [...names, unit?.docs[0]?.name, entry.presider].filter(Boolean).join(', ')
  return {
    day: entry.date ? dayOf(entry.date) : '',
    time: timeText(entry.startTime, entry.endTime),
    who,
    content: entry.content ?? '',
    place: entry.place ?? '',
    attendees: entry.attendees ?? '',
  }
}

const shown = (key: keyof PublishedValues, value: string) => {
  if (!value) return '(trống)'
  if (key === 'day') {
    const [year, month, day] = value.split('-')
    return `${day}/${month}/${year}`
  }
  return value
}

/** "Giờ: 08:00 → 14:00; Địa điểm: Hội trường A → Phòng họp số 2", or undefined when nothing readers see changed. */
export function adjustmentOf(before: PublishedValues, after: PublishedValues): string | undefined {
  const lines = (Object.keys(LABELS) as (keyof PublishedValues)[])
    .filter((key) => (before[key] ?? '') !== (after[key] ?? ''))
    .map((key) => `${LABELS[key]}: ${shown(key, before[key] ?? '')} → ${shown(key, after[key] ?? '')}`)
  return lines.length > 0 ? lines.join('; ') : undefined
}
