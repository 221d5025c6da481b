import React from 'react'

import type { Site } from '../../payload-types.ts'

import { formatNumber } from '../../lib/dates.ts'
import { DeskBlock, deskListStyle } from '../desk/DeskBlock.tsx'
import { articleLink } from '../desk/links.ts'

type SiteRows = { site: Site; rows: { article: number | string; title: string; count: number }[] }

/** "Đọc nhiều hôm nay": per site, today's most read articles from the visit statistics. */
export function MostReadBlock({ sites }: { sites: SiteRows[] }) {
  const several = sites.length > 1
  return (
    <DeskBlock id="most-read" title="Đọc nhiều hôm nay" empty="Hôm nay chưa có lượt xem." isEmpty={sites.every(({ rows }) => rows.length === 0)}>
      {sites.map(({ site, rows }) => (
        <div key={site.id}>
          {several ? <h3 style={{ fontSize: '1rem', margin: '0.5rem 0' }}>{site.name}</h3> : null}
          <ol style={deskListStyle}>
            {rows.map((row) => (
              <li key={String(row.article)}>
                <a href={articleLink(row.article)}>{row.title}</a> — {formatNumber(row.count)} lượt xem
              </li>
            ))}
          </ol>
        </div>
      ))}
    </DeskBlock>
  )
}
