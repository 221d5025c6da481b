import type { Payload } from 'payload'

import type { ImportTarget } from './importArticle.ts'

/** A mistake on the command line: reported in one line. */
export class UsageError extends Error {}

/** The site, its categories and authors, and the options of the run. */
export async function loadTarget(
  payload: Payload,
  options: { site: string; category?: string; publish: boolean; publishAll?: boolean; dryRun: boolean },
): Promise<ImportTarget> {
  const sites = await payload.find({
    collection: 'sites',
    where: { or: [{ key: { equals: options.site } }, { 'hosts.host': { equals: options.site } }] },
    depth: 0,
    limit: 1,
  })
  const site = sites.docs[0]
  if (!site) throw new UsageError(`No site "${options.site}" (give a site key or one of its host names).`)
  const [categories, authors] = await Promise.all([
    payload.find({ collection: 'categories', where: { site: { equals: site.id } }, depth: 0, pagination: false }),
    payload.find({ collection: 'authors', where: { site: { equals: site.id } }, depth: 0, pagination: false }),
  ])
  const category = options.category ? categories.docs.find((doc) => doc.slug === options.category) : undefined
  if (options.category && !category) throw new UsageError(`Site "${site.key}" has no category "${options.category}".`)
  const publishAll = options.publishAll ?? false
  return { site, categories: categories.docs, authors: authors.docs, category, publish: options.publish || publishAll, publishAll, dryRun: options.dryRun }
}
