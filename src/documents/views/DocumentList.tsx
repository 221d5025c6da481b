import React from 'react'

import type { DocumentSummary } from '../../site/readModel/records.ts'

import { formatDate } from '../../lib/dates.ts'
import { documentPath } from '../../site/paths.ts'
import { deriveValidity, VALIDITY_LABELS } from '../validity.ts'

/** Documents as a table: number, issue date, abstract, validity (a list on narrow screens, by CSS). */
export function DocumentList({ documents, now }: { documents: readonly DocumentSummary[]; now: Date }) {
  return (
    <table className="document-table">
      <caption className="visually-hidden">Danh sách văn bản</caption>
      <thead>
        <tr>
          <th scope="col">Số, ký hiệu</th>
          <th scope="col">Ngày ban hành</th>
          <th scope="col">Trích yếu</th>
          <th scope="col">Hiệu lực</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.id}>
            <th scope="row">
              <a href={documentPath(document.slug)}>{document.number}</a>
            </th>
            <td>{formatDate(document.issuedAt)}</td>
            <td>
              <span className="document-type">{document.type}</span> {document.abstract}
            </td>
            <td>{VALIDITY_LABELS[deriveValidity(document, now)].vi}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
