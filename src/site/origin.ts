import type { Site } from '../payload-types.ts'

import { env } from '../config/env.ts'

/**
 * "https://host" of a site for canonical, social, feed and sitemap links: its first configured host,
 * with the scheme (and, for a host without a port, the port) of SERVER_URL. Never the request's
 * Host header, which anyone can set and which would then be cached for every reader.
 */
export function siteOrigin(site: Pick<Site, 'hosts'>): string {
  const server = new URL(env().serverUrl)
  const host = site.hosts?.[0]?.host ?? server.host
  const port = host.includes(':') || !server.port ? '' : `:${server.port}`
  return `${server.protocol}//${host}${port}`
}
