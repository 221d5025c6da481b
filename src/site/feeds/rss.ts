import type { ArticleSummary } from '../readModel/records.ts'

import { articlePath } from '../paths.ts'
import { xml } from './xml.ts'

export type Channel = { title: string; description: string; origin: string; path: string; feedPath: string }

/** An RSS 2.0 feed of the newest articles. */
export function renderRss(channel: Channel, articles: readonly ArticleSummary[]): string {
  const items = articles
    .map((article) => {
      const link = `${channel.origin}${articlePath(article.slug)}`
      return [
        '<item>',
        `<title>${xml(article.title)}</title>`,
        `<link>${xml(link)}</link>`,
        `<guid isPermaLink="true">${xml(link)}</guid>`,
        article.publishedAt ? `<pubDate>${new Date(article.publishedAt).toUTCString()}</pubDate>` : '',
        article.lead ? `<description>${xml(article.lead)}</description>` : '',
        '</item>',
      ].join('')
    })
    .join('\n')
  const newest = articles[0]?.publishedAt
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(channel.title)}</title>
<link>${xml(`${channel.origin}${channel.path}`)}</link>
<description>${xml(channel.description)}</description>
<language>vi</language>
${newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>\n` : ''}<atom:link href="${xml(`${channel.origin}${channel.feedPath}`)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`
}
