import type { CollectionSlug, PayloadRequest } from 'payload'

import { Forbidden } from 'payload'

/**
 * How many documents of a collection the signed-in user sees in its list: their own access
 * (`overrideAccess: false`) and the collection's list filter, which the multi-tenant plugin sets to
 * the site chosen in the admin's site selector, or else to the user's own sites.
 * Undefined when the user may not count it.
 */
export async function visibleCount(req: PayloadRequest, slug: CollectionSlug): Promise<number | undefined> {
  const config = req.payload.collections[slug]?.config
  if (!config || !req.user) return undefined
  const listFilter = config.admin?.baseFilter ?? config.admin?.baseListFilter
  const where = (await listFilter?.({ req, limit: 1, page: 1, sort: typeof config.defaultSort === 'string' ? config.defaultSort : '' })) ?? undefined
  try {
    const { totalDocs } = await req.payload.count({ collection: slug, where, overrideAccess: false, user: req.user, req })
    return totalDocs
  } catch (error) {
    // No read access (cards are shown for what the user may read, so rare): no number rather than a wrong one.
    if (error instanceof Forbidden) return undefined
    throw error
  }
}

/** The counts of several collections at once. */
export async function visibleCounts(req: PayloadRequest, slugs: CollectionSlug[]): Promise<Map<CollectionSlug, number | undefined>> {
  const counts = await Promise.all(slugs.map(async (slug) => [slug, await visibleCount(req, slug)] as const))
  return new Map(counts)
}
