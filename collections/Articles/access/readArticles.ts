import type { Access, Where } from 'payload'

import { writesContent } from '../../../src/access/roles.ts'

/**
 * Writers read everything on their sites, drafts included (the multi-tenant plugin adds the site
 * filter). Everyone else, poll moderators and answerers included, reads what the public reads:
 * published articles whose publishing time has come.
 */
export const readArticles: Access = ({ req: { user } }) => {
  if (writesContent(user)) return true
  const publishedAndDue: Where = {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: new Date().toISOString() } }],
  }
  return publishedAndDue
}
