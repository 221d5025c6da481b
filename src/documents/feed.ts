import type { DocumentSummary } from '../site/readModel/records.ts'

import { xml } from '../site/feeds/xml.ts'
import { documentPath, DOCUMENTS_FEED_PATH, DOCUMENTS_PATH } from '../site/paths.ts'

/** RSS 2.0 of a site's newest documents (by issue date). */
export function renderDocumentsRss(site: { name: string; agency: string }, origin: string, documents: DocumentSummary[]): string {
  const items = documents
    .map((document) => {
      const link = `${origin}${documentPath(document.slug)}`
      return [
        '<item>',
        `<title>${xml(`${document.type} ${document.number}`)}</title>`,
        `<link>${xml(link)}</link>`,
        `<guid isPermaLink="true">${xml(link)}</guid>`,
        `<pubDate>${new Date(document.issuedAt).toUTCString()}</pubDate>`,
        `<category>${xml(document.issuer)}</category>`,
        `<description>${xml(document.abstract)}</description>`,
        '</item>',
      ].join('')
    })
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(`Văn bản mới - ${site.name}`)}</title>
<link>${xml(`${origin}${DOCUMENTS_PATH}`)}</link>
<description>${xml(`Văn bản chỉ đạo, điều hành của ${site.agency}`)}</description>
<language>vi</language>
<atom:link href="${xml(`${origin}${DOCUMENTS_FEED_PATH}`)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`
}
