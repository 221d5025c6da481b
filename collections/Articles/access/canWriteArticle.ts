import type { Access } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'

type ArticleInput = { _status?: string; reviewState?: string } | undefined

const wantsToPublish = (data: ArticleInput): boolean => data?._status === 'published'

/** Reporters may send an article for review, but only editors approve or return it. */
const decidesReview = (data: ArticleInput): boolean => data?.reviewState === 'approved' || data?.reviewState === 'returned'

/** Editors and administrators publish; reporters write drafts and cannot publish. */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'reporter')) return !wantsToPublish(data) && !decidesReview(data)
  return false
}

/**
 * Reporters may only touch articles that are not published yet, and never publish them. A returned
 * article keeps its state while the reporter edits it; changing the review state to a decision is
 * refused by the review hook (hooks/recordReview.ts), which knows the state before the save.
 */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'reporter')) {
    if (wantsToPublish(data)) return false
    return { _status: { not_equals: 'published' } }
  }
  return false
}
