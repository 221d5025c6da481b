import React from 'react'

import type { Results } from '../tally.ts'

/** Counts and shares as text, with a horizontal bar drawn in CSS beside each (the bar is decoration). */
export function ResultBars({ results, caption }: { results: Results; caption?: string }) {
  return (
    <div className="poll-results">
      {caption ? <p className="poll-results-caption">{caption}</p> : null}
      <ul className="poll-bars">
        {results.rows.map((row) => (
          <li key={row.id} className="poll-bar-row">
            <span className="poll-bar-label">{row.label}</span>
            <span className="poll-bar-figures">
              {row.countText} ({row.shareText})
            </span>
            <span className="poll-bar" aria-hidden="true">
              <span className="poll-bar-fill" style={{ width: `${(row.share * 100).toFixed(1)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="poll-total">
        Tổng số: <strong>{results.totalText}</strong>
      </p>
      <p className="poll-period">Thời gian: {results.period}</p>
    </div>
  )
}
