'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { formatDateTime } from '../../lib/dates.ts'
import { readHistory, REVIEW_STEP_LABELS } from '../../../collections/Articles/review/steps.ts'

/** "Lịch sử duyệt" in the article's edit view: each step with who took it and when. */
export function ReviewHistory() {
  const { savedDocumentData } = useDocumentInfo()
  const history = readHistory(savedDocumentData?.reviewHistory)
  return (
    <section className="review-history" aria-labelledby="review-history-title" style={{ marginTop: '2rem' }}>
      <h3 id="review-history-title">Lịch sử duyệt</h3>
      {history.length === 0 ? (
        <p>Chưa có bước duyệt nào.</p>
      ) : (
        <ol>
          {history.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-step={entry.step}>
              <strong>{REVIEW_STEP_LABELS[entry.step] ?? entry.step}</strong> — {entry.byName}, {formatDateTime(entry.at)}
              {entry.note ? <>: «{entry.note}»</> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
