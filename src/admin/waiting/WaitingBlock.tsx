import React from 'react'

import type { DeskArticle } from '../desk/queries.ts'

import { DeskBlock, deskListStyle } from '../desk/DeskBlock.tsx'
import { formatWaiting } from '../desk/format.ts'
import { articleLink, waitingListLink } from '../desk/links.ts'

/** "Chờ duyệt": articles sent for review, longest waiting first, with who sent them and since when. */
export function WaitingBlock({ docs, total, now }: { docs: DeskArticle[]; total: number; now: Date }) {
  return (
    <DeskBlock id="waiting" title="Chờ duyệt" count={total} empty="Không có bài nào chờ duyệt." isEmpty={docs.length === 0} more={total > docs.length ? { href: waitingListLink, label: `Xem tất cả ${total} bài chờ duyệt` } : undefined}>
      <ol style={deskListStyle}>
        {docs.map((doc) => (
          <li key={doc.id} data-article={doc.id}>
            <a href={articleLink(doc.id)}>{doc.title}</a>
            <br />
            <span className="desk-waiting__meta">
              {`${doc.lastStep ? `${doc.lastStep.byName} gửi · ` : ''}chờ `}<span className="desk-waiting__time">{formatWaiting(doc.lastStep?.at ?? doc.updatedAt, now)}</span>
            </span>
          </li>
        ))}
      </ol>
    </DeskBlock>
  )
}
