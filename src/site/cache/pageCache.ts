import crypto from 'node:crypto'

export type CachedPage = {
  status: number
  etag: string
  site: string
  storedAt: number
  /** What a cache hit sends, prepared once: the encoded body and the response's headers. */
  encoded: { body: Buffer; headers: Record<string, number | string | string[]> }
}

export type PageCache = {
  get: (key: string) => CachedPage | undefined
  set: (key: string, page: CachedPage) => void
  /** Forgets every page of a site (all sites when `site` is undefined). */
  purgeSite: (site: number | string | undefined) => void
  size: () => number
}

type PageCacheOptions = {
  /** Pages kept at most; the least recently used go first. */
  maxEntries?: number
  /**
   * How long a page is served without asking the database. Publishing purges this instance at
   * once; other instances of a multi-instance setup see the change after at most this long.
   */
  ttlMs?: number
  now?: () => number
}

/** Whole rendered pages per site and address, in memory, least recently used first out. */
export function createPageCache({ maxEntries = 5000, ttlMs = 60_000, now = Date.now }: PageCacheOptions = {}): PageCache {
  const pages = new Map<string, CachedPage>()
  return {
    get(key) {
      const page = pages.get(key)
      if (!page) return undefined
      pages.delete(key)
      if (now() - page.storedAt > ttlMs) return undefined
      pages.set(key, page)
      return page
    },
    set(key, page) {
      pages.delete(key)
      pages.set(key, page)
      while (pages.size > maxEntries) pages.delete(pages.keys().next().value!)
    },
    purgeSite(site) {
      if (site === undefined) return pages.clear()
      for (const [key, page] of pages) if (page.site === String(site)) pages.delete(key)
    },
    size: () => pages.size,
  }
}

/** A weak validator of a page's bytes. */
export function etagOf(body: string): string {
  return `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`
}
