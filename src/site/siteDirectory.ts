import type { Payload } from 'payload'

import type { Site } from '../payload-types.ts'

import { env } from '../config/env.ts'

/** How long the host → site table is trusted before it is read again (site edits also clear it). */
const REFRESH_MS = 30_000

export type SiteDirectory = {
  /**
   * The site serving a Host header: a configured host (which may name a port) spelled exactly, or
   * a configured host without a port when the request names no port or one this installation
   * answers on. A single-site install serves any host name on those ports. Anything else: undefined.
   */
  siteFor: (host: string | undefined) => Promise<Site | undefined>
  invalidate: () => void
}

export function normalizeHost(host: string | undefined): string {
  const parts = splitHost(host)
  return parts ? joinHost(parts) : ''
}

type HostParts = { name: string; port: string | undefined }

/** Name and port of a Host header (`[::1]:3000` included); undefined when it is not one. */
function splitHost(host: string | undefined): HostParts | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d*))?$/.exec((host ?? '').trim().toLowerCase())
  if (!match) return undefined
  return { name: match[1]!.replace(/\.$/, ''), port: match[2] || undefined }
}

const joinHost = ({ name, port }: HostParts) => (port ? `${name}:${port}` : name)

/** The ports requests reach this installation on: SERVER_URL's (stated or of its scheme) and the one it listens on. */
export function servedPorts(): string[] {
  const server = new URL(env().serverUrl)
  return [...new Set([server.port || (server.protocol === 'https:' ? '443' : '80'), String(env().port)])]
}

export function createSiteDirectory(payload: Pick<Payload, 'find'>, ports: readonly string[] = servedPorts()): SiteDirectory {
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
    for (const site of sites) {
      for (const { host } of site.hosts ?? []) {
        const key = normalizeHost(host)
        if (key) byHost.set(key, site)
      }
    }
    loadedAt = Date.now()
  }

  return {
    async siteFor(rawHost) {
      await refresh()
      const host = splitHost(rawHost)
      if (!host) return undefined
      const exact = byHost.get(joinHost(host))
      if (exact) return exact
      if (host.port && !ports.includes(host.port)) return undefined
      return byHost.get(host.name) ?? (sites.length === 1 ? sites[0] : undefined)
    },
    invalidate() {
      loadedAt = 0
    },
  }
}
