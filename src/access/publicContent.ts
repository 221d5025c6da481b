import type { Access, Where } from 'payload'

import { writesContent } from './roles.ts'

/**
 * Read rules for content without drafts that the public sees only inside a time window
 * (notices until they expire, banners between start and end). Writers see everything on their sites.
 */
export const withinWindowOrStaff =
  (startField: string | null, endField: string): Access =>
  ({ req: { user } }) => {
    if (writesContent(user)) return true
    const now = new Date().toISOString()
    const conditions: Where[] = [{ or: [{ [endField]: { exists: false } }, { [endField]: { greater_than: now } }] }]
    if (startField) conditions.push({ or: [{ [startField]: { exists: false } }, { [startField]: { less_than_equal: now } }] })
    return { and: conditions }
  }
