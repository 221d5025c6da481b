import React from 'react'

import type { DeskArticle } from '../desk/queries.ts'

import { DeskBlock, deskListStyle } from '../desk/DeskBlock.tsx'
import { formatDateTime, formatWaiting } from '../desk/format.ts'
import { articleLink } from '../desk/links.ts'

/** Where one of the reporter's articles stands, in words. */
export function standing(doc: DeskArticle, now: Date): string {
  if (doc._status === 'published') return doc.publishedAt ? `Đã xuất bản ${formatDateTime(doc.publishedAt)}` : 'Đã xuất bản'
  if (doc.reviewState === 'returned') return `Bị trả lại${doc.lastStep ? ` bởi ${doc.lastStep.byName}` : ''}`
  if (doc.reviewState === 'submitted') return `Chờ duyệt${doc.lastStep ? ` (${formatWaiting(doc.lastStep.at, now)})` : ''}`
  if (doc.reviewState === 'approved') return 'Đã duyệt, chờ xuất bản'
  return 'Đang soạn'
}

/** "Bài của tôi": the reporter's articles, last changed first, with where each stands. */
export function MyArticlesBlock({ docs, total, now }: { docs: DeskArticle[]; total: number; now: Date }) {
  return (
    <DeskBlock id="mine" title="Bài của tôi" count={total} empty="Bạn chưa viết bài nào." isEmpty={docs.length === 0}>
      <ol style={deskListStyle}>
        {docs.map((doc) => (
          <li key={doc.id} data-article={doc.id} data-state={doc._status === 'published' ? 'published' : doc.reviewState}>
            <a href={articleLink(doc.id)}>{doc.title}</a> — <span className="desk-mine__state">{standing(doc, now)}</span>
            {doc.reviewState === 'returned' && doc._status !== 'published' && doc.reviewNote ? (
              <p className="desk-mine__note" style={{ margin: '0.25rem 0 0' }}>
                Lý do: {doc.reviewNote}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </DeskBlock>
  )
}
