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

/** The sitemap index: one entry per part (each part lists at most SITEMAP_PART_SIZE addresses). */
export function renderSitemapIndex(origin: string, parts: SitemapEntry[]): string {
  const items = parts
    .map((part) => `<sitemap><loc>${xml(`${origin}${part.path}`)}</loc>${part.lastModified ? `<lastmod>${xml(part.lastModified)}</lastmod>` : ''}</sitemap>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items}
</sitemapindex>
`
}

export type NewsEntry = { path: string; title: string; publishedAt: string }

/** A Google News sitemap of the last two days' articles. */
export function renderNewsSitemap(origin: string, publication: string, entries: NewsEntry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `<url><loc>${xml(`${origin}${entry.path}`)}</loc><news:news><news:publication><news:name>${xml(publication)}</news:name><news:language>vi</news:language></news:publication>` +
        `<news:publication_date>${xml(entry.publishedAt)}</news:publication_date><news:title>${xml(entry.title)}</news:title></news:news></url>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls}
</urlset>
`
}

/** robots.txt: everything public is crawlable; the admin, the APIs and search results are not. */
export function renderRobots(origin: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /tim-kiem', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n')
}
