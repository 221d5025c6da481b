import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, isAdmin } from './roles.ts'

/**
 * Access rules shared by several collections. Each returns a boolean or a query filter;
 * the multi-tenant plugin adds the site filter for users who are not administrators.
 */

export const anyone: Access = () => true

export const adminsOnly: Access = ({ req: { user } }) => isAdmin(user)

export const adminsOnlyField: FieldAccess = ({ req: { user } }) => isAdmin(user)

export const loggedIn: Access = ({ req: { user } }) => Boolean(user)

export const editorsOnly: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** People who write content: administrators, editors and reporters. */
export const writers: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reporter')

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything on their sites (drafts included); the public reads published documents only. */
export const publishedOrStaff: Access = ({ req: { user } }) => (user ? true : published)
