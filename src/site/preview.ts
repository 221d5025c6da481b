import type { Payload } from 'payload'

import type { Site, User } from '../payload-types.ts'
import type { PublicArticle } from './readModel/records.ts'

import { findCategories } from './queries/taxonomy.ts'
import { projectArticle } from './readModel/project.ts'

/**
 * The newest version of an article (draft included) as a signed-in member of the site's staff sees
 * it, in the shape of a read-model record; `preview` tells whether it differs from what is public.
 * Never cached (the page cache bypasses verified staff).
 */
export async function findPreviewArticle(payload: Payload, site: Site, slug: string, user: User): Promise<(PublicArticle & { preview: boolean }) | undefined> {
  const found = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    user,
    draft: true,
    where: { and: [{ site: { equals: site.id } }, { slug: { equals: slug } }] },
    limit: 1,
    depth: 1,
    pagination: false,
  })
  const doc = found.docs[0]
  if (!doc) return undefined
  const record = projectArticle({ ...doc, site: site.id }, await findCategories(payload, site))
  const article = { ...JSON.parse(record.summary), ...JSON.parse(record.data) } as PublicArticle
  const preview = doc._status !== 'published' || Boolean(doc.publishedAt && doc.publishedAt > new Date().toISOString())
  return { ...article, preview }
}
