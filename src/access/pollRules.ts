import type { Access, Where } from 'payload'

import { hasRole } from './roles.ts'

/**
 * Who works with polls. The multi-tenant plugin adds the site filter for everyone but
 * administrators, so a poll moderator of one site never sees another site's polls or votes.
 */
export const pollStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'pollModerator')

/** Votes, their audit trail and used captcha challenges: moderators and administrators only. */
export const pollModerators: Access = ({ req: { user } }) => hasRole(user, 'admin', 'pollModerator')

/** Open and closed polls whose opening time has come (a poll set to open tomorrow is not public yet). */
export const publicPolls = (now = new Date()): Where => ({
  and: [{ status: { in: ['open', 'closed'] } }, { or: [{ opensAt: { exists: false } }, { opensAt: { less_than_equal: now.toISOString() } }] }],
})

/** Staff read every poll of their sites; readers only open and closed ones (not drafts, not archived, not before their time). */
export const readPolls: Access = ({ req: { user } }) => (hasRole(user, 'admin', 'editor', 'pollModerator') ? true : publicPolls())

export const nobody: Access = () => false
