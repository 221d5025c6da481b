import type { Access, Where } from 'payload'

/**
 * Staff read everything on their sites, drafts included (the multi-tenant plugin adds the site
 * filter). The public reads published articles whose publishing time has come.
 */
export const readArticles: Access = ({ req: { user } }) => {
  if (user) return true
  const publishedAndDue: Where = {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: new Date().toISOString() } }],
  }
  return publishedAndDue
}
