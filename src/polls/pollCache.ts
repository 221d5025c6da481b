import type { Payload } from 'payload'

import type { Poll, Site } from '../payload-types.ts'

import { contentEvents } from '../site/contentEvents.ts'
import { findPublicPoll } from './queries.ts'

/**
 * The vote endpoint's poll lookups, kept for `ttlMs`. A change to any poll of a site (close,
 * reopen, edit) empties the site's entries on this instance at once; other instances of a
 * multi-instance setup follow within `ttlMs`.
 */
export function createPollCache(payload: Payload, ttlMs = 2_000) {
  const entries = new Map<string, { poll: Poll | undefined; at: number }>()
  contentEvents.on('pagesChanged', ({ site }) => {
    for (const key of entries.keys()) if (key.startsWith(`${site} `)) entries.delete(key)
  })
  return {
    async find(site: Site, slug: string): Promise<Poll | undefined> {
      const key = `${site.id} ${slug}`
      const hit = entries.get(key)
      if (hit && Date.now() - hit.at < ttlMs) return hit.poll
      const poll = await findPublicPoll(payload, site, slug)
      if (entries.size > 1000) entries.clear()
      entries.set(key, { poll, at: Date.now() })
      return poll
    },
  }
}
