'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { formatDateTime } from '../../lib/dates.ts'
import { readHistory } from '../../../collections/Articles/review/steps.ts'

/**
 * At the top of an article returned for changes: the editor's note, who returned it and when.
 * Shown from the saved article, so it stays until the reporter sends the article again.
 */
export function ReturnedNotice() {
  const { savedDocumentData } = useDocumentInfo()
  if (savedDocumentData?.reviewState !== 'returned') return null
  const returned = readHistory(savedDocumentData.reviewHistory).findLast((entry) => entry.step === 'returned')
  const note = (savedDocumentData.reviewNote as string | null | undefined) || returned?.note
  return (
    <div className="review-returned" role="status" style={{ border: '2px solid #b45309', background: '#fffbeb', color: '#1f2937', borderRadius: 4, padding: '0.75rem 1rem', marginBottom: '1.5rem' }}>
      <strong>Bài bị trả lại để sửa</strong>
      {returned ? ` — ${returned.byName}, ${formatDateTime(returned.at)}` : null}
      {note ? <p className="review-returned__note" style={{ margin: '0.5rem 0 0', whiteSpace: 'pre-wrap' }}>{note}</p> : null}
      <p style={{ margin: '0.5rem 0 0' }}>Sửa xong, chọn «Chờ duyệt» ở mục Duyệt bài rồi lưu để gửi lại.</p>
    </div>
  )
}
