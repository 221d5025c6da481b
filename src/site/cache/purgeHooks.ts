import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { contentEvents } from '../contentEvents.ts'

type SiteId = number | string
type WithSite = { site?: SiteId | { id: SiteId } | null }

function siteOf(doc: WithSite | undefined): SiteId | undefined {
  const site = doc?.site
  if (site === null || site === undefined) return undefined
  return typeof site === 'object' ? site.id : site
}

/**
 * A change to anything a site shows purges that site's cached pages (article, listings, feeds,
 * sitemap). A document moved between sites purges both.
 */
export const purgeSiteCache = {
  afterChange: (({ doc, previousDoc }) => {
    const sites = new Set([siteOf(doc), siteOf(previousDoc)])
    for (const site of sites) if (site !== undefined) contentEvents.emit('pagesChanged', { site: String(site) })
    return doc
  }) satisfies CollectionAfterChangeHook,
  afterDelete: (({ doc }) => {
    const site = siteOf(doc)
    if (site !== undefined) contentEvents.emit('pagesChanged', { site: String(site) })
    return doc
  }) satisfies CollectionAfterDeleteHook,
}
