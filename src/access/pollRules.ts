import type { Access, Where } from 'payload'

import { hasRole } from './roles.ts'

/**
 * Who works with polls. The multi-tenant plugin adds the site filter for everyone but
 * administrators, so a poll moderator of one site never sees another site's polls or votes.
 */
export const pollStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'pollModerator')

/** Votes, their audit trail and used captcha challenges: moderators and administrators only. */
export const pollModerators: Access = ({ req: { user } }) => hasRole(user, 'admin', 'pollModerator')

const publicPoll: Where = { status: { in: ['open', 'closed'] } }

/** Staff read every poll of their sites; readers only open and closed ones (not drafts, not archived). */
export const readPolls: Access = ({ req: { user } }) => (hasRole(user, 'admin', 'editor', 'pollModerator') ? true : publicPoll)

export const nobody: Access = () => false
