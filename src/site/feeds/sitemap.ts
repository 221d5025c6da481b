import { xml } from './xml.ts'

export type SitemapEntry = { path: string; lastModified?: string }

/** sitemap.xml (sitemaps.org 0.9). */
export function renderSitemap(origin: string, entries: SitemapEntry[]): string {
  const urls = entries
    .map((entry) => `<url><loc>${xml(`${origin}${entry.path}`)}</loc>${entry.lastModified ? `<lastmod>${xml(entry.lastModified)}</lastmod>` : ''}</url>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`
}

/** robots.txt: everything public is crawlable; the admin, the APIs and search results are not. */
export function renderRobots(origin: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /tim-kiem', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n')
}
