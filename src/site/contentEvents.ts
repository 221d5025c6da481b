import { EventEmitter } from 'node:events'

/**
 * In-process notices from collection hooks to the public site: the site table and the page
 * cache listen. Other instances catch up through short time-outs (see src/site/cache/pageCache.ts).
 */
type ContentEvents = {
  sitesChanged: []
  /** Something a site shows changed; `site` is its id, or undefined when unknown (purge all). */
  siteContentChanged: [site: number | string | undefined]
}

export const contentEvents = new EventEmitter<ContentEvents>()
