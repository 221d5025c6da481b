import type { Payload } from 'payload'

import type { Author, Category, Tag } from '../../payload-types.ts'
import type { Site } from '../../payload-types.ts'

/** Categories, tags and authors of a site, read as the public. */

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

/** One document of the site by its slug, read as the public. */
export async function findBySlug<T>(
  payload: Payload,
  collection: 'authors' | 'categories' | 'notices' | 'tags' | 'videos',
  site: Site,
  slug: string,
): Promise<T | undefined> {
  const result = await payload.find({
    collection,
    overrideAccess: false,
    where: { and: [{ site: { equals: site.id } }, { slug: { equals: slug } }] },
    depth: 1,
    limit: 1,
    pagination: false,
  })
  return result.docs[0] as T | undefined
}

export const findTagBySlug = (payload: Payload, site: Site, slug: string) => findBySlug<Tag>(payload, 'tags', site, slug)
export const findAuthorBySlug = (payload: Payload, site: Site, slug: string) => findBySlug<Author>(payload, 'authors', site, slug)
