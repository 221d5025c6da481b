import type { Payload } from 'payload'

import type { Category, Site } from '../../payload-types.ts'

/** The categories of a site (its menu), read as the public. */
export async function findCategories(payload: Payload, site: Site): Promise<Category[]> {
  const result = await payload.find({
    collection: 'categories',
    overrideAccess: false,
    where: { site: { equals: site.id } },
    sort: 'order',
    depth: 0,
    pagination: false,
    limit: 200,
  })
  return result.docs
}
