import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { hasRole, isAdmin, writesContent } from './roles.ts'

/**
 * Access rules shared by several collections. Each returns a boolean or a query filter;
 * the multi-tenant plugin adds the site filter for users who are not administrators.
 */

export const anyone: Access = () => true

export const adminsOnly: Access = ({ req: { user } }) => isAdmin(user)

export const adminsOnlyField: FieldAccess = ({ req: { user } }) => isAdmin(user)

export const loggedIn: Access = ({ req: { user } }) => Boolean(user)

export const editorsOnly: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** People who write content: administrators, editors and reporters. Drafts and their versions are theirs to read. */
export const writers: Access = ({ req: { user } }) => writesContent(user)

/** A field of the editorial workflow (review state, notes, history, author account): writers read it, the public never. */
export const writersField: FieldAccess = ({ req: { user } }) => writesContent(user)

const published: Where = { _status: { equals: 'published' } }

/** Writers read everything on their sites (drafts included); everyone else published documents only. */
export const publishedOrStaff: Access = ({ req: { user } }) => (writesContent(user) ? true : published)

/**
 * Staff, and server code through the Local API (public pages, the read model), read it; the
 * public does not over REST or GraphQL. For internal fields (folded search copies, import
 * bookkeeping) and for media, whose files the public gets through the pages that show them.
 */
export const staffOrServer = ({ req }: { req: PayloadRequest }): boolean => Boolean(req.user) || req.payloadAPI === 'local'
