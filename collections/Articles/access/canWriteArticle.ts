import type { Access } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'

const wantsToPublish = (data: unknown): boolean =>
  Boolean(data && typeof data === 'object' && (data as { _status?: string })._status === 'published')

/** Editors and administrators publish; reporters write drafts and cannot publish. */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'reporter')) return !wantsToPublish(data)
  return false
}

/** Reporters may only touch articles that are not published yet, and never publish them. */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'reporter')) {
    if (wantsToPublish(data)) return false
    return { _status: { not_equals: 'published' } }
  }
  return false
}
