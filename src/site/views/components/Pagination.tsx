import React from 'react'

import { pagePath } from '../../paths.ts'

type PaginationProps = { path: string; page: number; totalPages: number; query?: Record<string, string> }

/** Previous/next and nearby page numbers, as plain links. */
export function Pagination({ path, page, totalPages, query = {} }: PaginationProps) {
  if (totalPages <= 1) return null
  const first = Math.max(1, page - 2)
  const last = Math.min(totalPages, page + 2)
  const numbers = Array.from({ length: last - first + 1 }, (_, index) => first + index)
  return (
    <nav className="pagination" aria-label="Phân trang">
      {page > 1 ? (
        <a href={pagePath(path, page - 1, query)} rel="prev">
          ‹ Trang trước
        </a>
      ) : null}
      {numbers.map((number) =>
        number === page ? (
          <span key={number} aria-current="page">
            {number}
          </span>
        ) : (
          <a key={number} href={pagePath(path, number, query)} aria-label={`Trang ${number}`}>
            {number}
          </a>
        ),
      )}
      {page < totalPages ? (
        <a href={pagePath(path, page + 1, query)} rel="next">
          Trang sau ›
        </a>
      ) : null}
    </nav>
  )
}
