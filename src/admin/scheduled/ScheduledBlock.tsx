import React from 'react'

import type { DeskArticle } from '../desk/queries.ts'

import { DeskBlock, deskListStyle } from '../desk/DeskBlock.tsx'
import { formatDateTime } from '../desk/format.ts'
import { articleLink } from '../desk/links.ts'

/** "Đã lên lịch": articles that go public later, soonest first, with their time. */
export function ScheduledBlock({ docs, total }: { docs: (DeskArticle & { goesPublicAt: string })[]; total: number }) {
  return (
    <DeskBlock id="scheduled" title="Đã lên lịch" count={total} empty="Không có bài nào hẹn giờ đăng." isEmpty={docs.length === 0}>
      <ol style={deskListStyle}>
        {docs.map((doc) => (
          <li key={doc.id}>
            <a href={articleLink(doc.id)}>{doc.title}</a> — đăng lúc <time dateTime={doc.goesPublicAt}>{formatDateTime(doc.goesPublicAt)}</time>
          </li>
        ))}
      </ol>
    </DeskBlock>
  )
}
