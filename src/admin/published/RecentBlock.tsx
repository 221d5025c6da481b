import React from 'react'

import type { DeskArticle } from '../desk/queries.ts'

import { DeskBlock, deskListStyle } from '../desk/DeskBlock.tsx'
import { formatDateTime } from '../desk/format.ts'
import { articleLink } from '../desk/links.ts'

/** "Mới xuất bản": the last articles that went public, and who published them. */
export function RecentBlock({ docs }: { docs: DeskArticle[] }) {
  return (
    <DeskBlock id="published" title="Mới xuất bản" empty="Chưa có bài nào được xuất bản." isEmpty={docs.length === 0}>
      <ol style={deskListStyle}>
        {docs.map((doc) => (
          <li key={doc.id}>
            <a href={articleLink(doc.id)}>{doc.title}</a> — {doc.publishedAt ? formatDateTime(doc.publishedAt) : ''}
            {doc.lastStep ? `, ${doc.lastStep.byName}` : ''}
          </li>
        ))}
      </ol>
    </DeskBlock>
  )
}
