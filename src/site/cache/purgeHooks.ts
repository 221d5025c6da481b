import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { afterCommit } from '../../db/afterCommit.ts'
import { contentEvents } from '../contentEvents.ts'

type SiteId = number | string
type WithSite = { site?: SiteId | { id: SiteId } | null }

function siteOf(doc: WithSite | undefined): SiteId | undefined {
  const site = doc?.site
  if (site === null || site === undefined) return undefined
  return typeof site === 'object' ? site.id : site
}

const purgeSites = (sites: (SiteId | undefined)[]) => () => {
  for (const site of new Set(sites)) if (site !== undefined) contentEvents.emit('pagesChanged', { site: String(site) })
}

/**
 * Site chrome and boxes (notices, banners, videos, polls, weather): a change purges every page of its site
 * (a document moved between sites purges both), once the change has committed.
 */
export const purgeSiteCache = {
  afterChange: (async ({ doc, previousDoc, req }) => {
    await afterCommit(req, purgeSites([siteOf(doc), siteOf(previousDoc)]))
    return doc
  }) satisfies CollectionAfterChangeHook,
  afterDelete: (async ({ doc, req }) => {
    await afterCommit(req, purgeSites([siteOf(doc)]))
    return doc
  }) satisfies CollectionAfterDeleteHook,
}
