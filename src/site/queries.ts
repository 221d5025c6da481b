import type { Payload, Where } from 'payload'

import type { Article, Media, Site } from '../payload-types.ts'

/**
 * The named lookups of the public site. Each runs with `overrideAccess: false` and no user,
 * so Payload's access rules (published only) apply, and each narrows to one site inside the query.
 */

export type ArticleSummary = Pick<Article, 'id' | 'lead' | 'publishedAt' | 'slug' | 'title' | 'featured'> & {
  cover?: Media | null
}

const publishedOnSite = (site: Site): Where => ({
  and: [{ site: { equals: site.id } }, { _status: { equals: 'published' } }],
})

const summaryFields = { title: true, slug: true, lead: true, publishedAt: true, featured: true, cover: true } as const

export async function findLatestArticles(payload: Payload, site: Site, limit = 12): Promise<ArticleSummary[]> {
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: publishedOnSite(site),
    sort: '-publishedAt',
    limit,
    depth: 1,
    select: summaryFields,
    pagination: false,
  })
  return result.docs as ArticleSummary[]
}

export async function findArticleBySlug(payload: Payload, site: Site, slug: string): Promise<Article | undefined> {
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: [publishedOnSite(site), { slug: { equals: slug } }] },
    limit: 1,
    depth: 1,
    pagination: false,
  })
  return result.docs[0]
}
