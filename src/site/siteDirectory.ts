import type { Payload } from 'payload'

import type { Site } from '../payload-types.ts'

/** How long the host → site table is trusted before it is read again (site edits also clear it). */
const REFRESH_MS = 30_000

export type SiteDirectory = {
  /** The site serving a Host header; a single-site install serves every host. */
  siteFor: (host: string | undefined) => Promise<Site | undefined>
  invalidate: () => void
}

export function normalizeHost(host: string | undefined): string {
  return (host ?? '').trim().toLowerCase().replace(/\.$/, '')
}

export function createSiteDirectory(payload: Payload): SiteDirectory {
  let loadedAt = 0
  let loading: Promise<Site[]> | undefined
  let sites: Site[] = []
  let byHost = new Map<string, Site>()

  async function load(): Promise<Site[]> {
    const result = await payload.find({
      collection: 'sites',
      overrideAccess: false,
      depth: 1,
      limit: 1000,
      sort: 'createdAt',
      pagination: false,
    })
    return result.docs
  }

  async function refresh(): Promise<void> {
    if (Date.now() - loadedAt < REFRESH_MS) return
    loading ??= load().finally(() => (loading = undefined))
    sites = await loading
    byHost = new Map()
    for (const site of sites) for (const { host } of site.hosts ?? []) byHost.set(normalizeHost(host), site)
    loadedAt = Date.now()
  }

  return {
    async siteFor(rawHost) {
      await refresh()
      const host = normalizeHost(rawHost)
      return byHost.get(host) ?? byHost.get(host.replace(/:\d+$/, '')) ?? (sites.length === 1 ? sites[0] : undefined)
    },
    invalidate() {
      loadedAt = 0
    },
  }
}
