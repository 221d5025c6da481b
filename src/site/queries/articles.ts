import type { Payload, Where } from 'payload'

import type { Article, Author, Category, Media, Site, Tag } from '../../payload-types.ts'

/**
 * Named lookups of articles for the public site. Each runs with `overrideAccess: false` and no
 * user, so Payload's access rules apply, and each narrows to one site inside the query.
 */

export type ArticleSummary = Pick<Article, 'id' | 'lead' | 'publishedAt' | 'slug' | 'title' | 'featured'> & {
  cover?: Media | number | null
}

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

export const SUMMARY_SELECT = { title: true, slug: true, lead: true, publishedAt: true, featured: true, cover: true } as const

/** Published on this site and due: the same rule as the public read access, stated in the query too. */
export function publishedOnSite(site: Site): Where {
  return {
    and: [
      { site: { equals: site.id } },
      { _status: { equals: 'published' } },
      { publishedAt: { less_than_equal: new Date().toISOString() } },
    ],
  }
}

export async function findArticles(payload: Payload, site: Site, filter: Where | undefined, page: number, limit: number): Promise<Page<ArticleSummary>> {
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: filter ? { and: [publishedOnSite(site), filter] } : publishedOnSite(site),
    sort: '-publishedAt',
    page,
    limit,
    depth: 1,
    select: SUMMARY_SELECT,
  })
  return { docs: result.docs as ArticleSummary[], page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
}

/** The newest published articles matching `filter`, without counting them all (home page boxes, related). */
export async function findNewestArticles(payload: Payload, site: Site, filter: Where | undefined, limit: number): Promise<ArticleSummary[]> {
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: filter ? { and: [publishedOnSite(site), filter] } : publishedOnSite(site),
    sort: '-publishedAt',
    limit,
    depth: 1,
    select: SUMMARY_SELECT,
    pagination: false,
  })
  return result.docs as ArticleSummary[]
}

export async function findFeaturedArticles(payload: Payload, site: Site, limit = 5): Promise<ArticleSummary[]> {
  return findNewestArticles(payload, site, { featured: { equals: true } }, limit)
}

/** The newest articles of each top-level category (and its subcategories), in category order. */
export async function findLatestByCategory(
  payload: Payload,
  site: Site,
  categories: Category[],
  perCategory = 4,
): Promise<{ category: Category; articles: ArticleSummary[] }[]> {
  const topLevel = categories.filter((category) => !category.parent)
  return Promise.all(
    topLevel.map(async (category) => ({
      category,
      articles: await findNewestArticles(payload, site, inCategoryTree(category, categories), perCategory),
    })),
  )
}

/** A filter for articles in a category or any of its descendants. */
export function inCategoryTree(category: Category, categories: Category[]): Where {
  const ids = new Set([category.id])
  let grew = true
  while (grew) {
    grew = false
    for (const candidate of categories) {
      const parent = typeof candidate.parent === 'object' ? candidate.parent?.id : candidate.parent
      if (parent && ids.has(parent) && !ids.has(candidate.id)) {
        ids.add(candidate.id)
        grew = true
      }
    }
  }
  return { categories: { in: [...ids] } }
}

export type FullArticle = Omit<Article, 'authors' | 'categories' | 'cover' | 'tags'> & {
  categories: Category[]
  tags: Tag[]
  authors: Author[]
  cover?: Media | null
}

/** Related documents that were populated (an id alone means the reader may not see it). */
const populated = <T extends object>(items: (number | T)[] | null | undefined): T[] =>
  (items ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

/** One article with its relations; `draft` (for signed-in staff previews) reads the newest version with the user's rights. */
export async function findArticleBySlug(
  payload: Payload,
  site: Site,
  slug: string,
  preview?: { user: NonNullable<Parameters<Payload['find']>[0]['user']> },
): Promise<FullArticle | undefined> {
  const where: Where = preview
    ? { and: [{ site: { equals: site.id } }, { slug: { equals: slug } }] }
    : { and: [publishedOnSite(site), { slug: { equals: slug } }] }
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    user: preview?.user,
    draft: Boolean(preview),
    where,
    limit: 1,
    // One level: categories, tags, authors, the cover and the photos in the body. Deeper levels
    // (each photo's site, a category's parent) cost a query each and are not shown.
    depth: 1,
    pagination: false,
    select: { searchText: false, searchTitle: false, site: false },
  })
  const doc = result.docs[0]
  if (!doc) return undefined
  return {
    ...doc,
    categories: populated(doc.categories),
    tags: populated(doc.tags),
    authors: populated(doc.authors),
    cover: typeof doc.cover === 'object' ? doc.cover : null,
  }
}

/** Chosen by hand when the editor picked some, else the newest of the same category. */
export async function findRelatedArticles(payload: Payload, site: Site, article: FullArticle, limit = 5): Promise<ArticleSummary[]> {
  const chosen = (article.related ?? []).map((item) => (typeof item === 'object' ? item.id : item))
  if (chosen.length > 0) {
    return findNewestArticles(payload, site, { id: { in: chosen } }, limit)
  }
  const category = article.categories?.[0]
  if (!category) return []
  return findNewestArticles(payload, site, { and: [{ categories: { in: [category.id] } }, { id: { not_equals: article.id } }] }, limit)
}

/** Every published article of the site, newest first, for the sitemap (bounded). */
export async function findSitemapEntries(payload: Payload, site: Site, limit = 5000): Promise<Pick<Article, 'slug' | 'updatedAt'>[]> {
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: publishedOnSite(site),
    sort: '-publishedAt',
    limit,
    depth: 0,
    select: { slug: true, updatedAt: true },
    pagination: false,
  })
  return result.docs
}
