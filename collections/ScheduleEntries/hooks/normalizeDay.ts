import type { CollectionBeforeValidateHook } from 'payload'

import type { ScheduleEntry } from '../../../src/payload-types.ts'

import { dayOf, middayOf } from '../../../src/schedule/week.ts'

/**
 * Stores the day at midday in Vietnam, whatever time of day the date picker sent, so the entry
 * stays on its Vietnamese day on any server's time zone and in any week query.
 */
export const normalizeDay: CollectionBeforeValidateHook<ScheduleEntry> = ({ data }) => {
  if (!data?.date) return data
  const instant = new Date(data.date)
  if (Number.isNaN(instant.getTime())) return data
  return { ...data, date: middayOf(dayOf(instant)) }
}
