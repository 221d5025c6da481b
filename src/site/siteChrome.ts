import type { Payload } from 'payload'

import type { Category, Notice, Site, Video } from '../payload-types.ts'
import type { BannerWithImage } from './queries/content.ts'

import { findBanners, findNotices, findVideos } from './queries/content.ts'
import { findCategories } from './queries/taxonomy.ts'

/** What every page of a site shows around its content (the menu, notices, banners) and its video news. */
export type Chrome = { categories: Category[]; notices: Notice[]; banners: BannerWithImage[]; videos: Video[] }

export type SiteChrome = {
  load: (site: Site) => Promise<Chrome>
  /** Forget one site's chrome (or every site's when `site` is undefined). */
  purgeSite: (site: number | string | undefined) => void
}

/**
 * The chrome of each site, read once and reused by every page rendered until the site's content
 * changes (the same event purges the page cache) or `ttlMs` passes, so that notices and banners
 * that expire or start on their own show up as they do in the page cache. An uncached page then
 * queries only for its own content.
 */
export function createSiteChrome(payload: Payload, { ttlMs = 60_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {}): SiteChrome {
  const entries = new Map<string, { loadedAt: number; chrome: Promise<Chrome> }>()

  async function read(site: Site): Promise<Chrome> {
    const [categories, notices, banners, videos] = await Promise.all([
      findCategories(payload, site),
      findNotices(payload, site, 50),
      findBanners(payload, site),
      findVideos(payload, site, 24),
    ])
    return { categories, notices, banners, videos }
  }

  return {
    load(site) {
      const entry = entries.get(String(site.id))
      if (entry && now() - entry.loadedAt <= ttlMs) return entry.chrome
      const chrome = read(site)
      const fresh = { loadedAt: now(), chrome }
      entries.set(String(site.id), fresh)
      // A failed read is not kept: the next page tries again.
      chrome.catch(() => entries.get(String(site.id)) === fresh && entries.delete(String(site.id)))
      return chrome
    },
    purgeSite(site) {
      if (site === undefined) entries.clear()
      else entries.delete(String(site))
    },
  }
}
