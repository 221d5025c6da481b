import type { CollectionBeforeChangeHook } from 'payload'

import type { ScheduleEntry } from '../../../src/payload-types.ts'

import { adjustmentOf, type PublishedValues, publishedValuesOf } from '../../../src/schedule/adjustment.ts'

/**
 * Keeps the history of a published entry: each publish that changes what readers saw (day, time,
 * who, content, place, attendees) adds one "Điều chỉnh" line with the earlier values. The history
 * and the last published values are written here only: whatever a request sends for them is
 * replaced by what the stored entry holds.
 */
export const recordAdjustment: CollectionBeforeChangeHook<ScheduleEntry> = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data } as ScheduleEntry
  const changes = originalDoc?.changes ?? []
  const previous = (originalDoc?.publishedSnapshot ?? null) as PublishedValues | null
  if (merged._status !== 'published') return { ...data, changes, publishedSnapshot: previous }
  const current = await publishedValuesOf(req, merged)
  const adjustment = previous ? adjustmentOf(previous, current) : undefined
  return {
    ...data,
    changes: adjustment ? [...changes, { at: new Date().toISOString(), summary: adjustment }] : changes,
    publishedSnapshot: current,
  }
}
