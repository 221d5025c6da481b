import React from 'react'

import type { VisitSummary } from '../visitStats.ts'

import { formatNumber } from '../../lib/dates.ts'
import { assetPath, VISIT_STATS_PATH } from '../../site/paths.ts'

export { VISIT_STATS_PATH }

/** Rows of the box: label, and the summary field it shows. */
export function visitStatsRows(summary: VisitSummary): { key: keyof VisitSummary; label: string; value: number }[] {
  return [
    { key: 'today', label: 'Hôm nay', value: summary.today },
    { key: 'yesterday', label: 'Hôm qua', value: summary.yesterday },
    { key: 'month', label: `Tháng ${summary.monthLabel}`, value: summary.month },
    { key: 'year', label: `Năm ${summary.yearLabel}`, value: summary.year },
    { key: 'online', label: 'Đang online', value: summary.online },
    { key: 'total', label: 'Tổng', value: summary.total },
  ]
}

/**
 * "Thống kê truy cập". The numbers in the page are those of when the page was rendered (the page
 * cache keeps it up to 60 s); a small script then reads the current ones from VISIT_STATS_PATH.
 */
export function VisitStatsBox({ summary }: { summary: VisitSummary }) {
  return (
    <section className="box visit-stats" aria-labelledby="hop-thong-ke" data-source={VISIT_STATS_PATH}>
      <h2 id="hop-thong-ke" className="box-title">
        Thống kê truy cập
      </h2>
      <dl className="stats-list">
        {visitStatsRows(summary).map((row) => (
          <div className="stats-row" key={row.key}>
            <dt data-label={row.key}>{row.label}:</dt>
            <dd data-stat={row.key}>{formatNumber(row.value)}</dd>
          </div>
        ))}
      </dl>
      <script src={assetPath('visit-stats.js')} defer />
    </section>
  )
}
