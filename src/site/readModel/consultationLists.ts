import type { Id } from './records.ts'

/** The listings of a draft's comments: every comment received, and the approved ones. */
export const receivedList = (consultation: Id) => `received:${consultation}`
export const approvedList = (consultation: Id) => `approved:${consultation}`
