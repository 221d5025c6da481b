import React from 'react'

import { formatNumber } from '../../lib/dates.ts'
import { daysBefore } from '../calendar.ts'

export type DailyPoint = { day: string; count: number }

/** Every day of the window, oldest first, with 0 where nothing was counted. */
export function fillDays(points: DailyPoint[], lastDay: string, days: number): DailyPoint[] {
  const counts = new Map(points.map((point) => [point.day, point.count]))
  return Array.from({ length: days }, (_, index) => {
    const day = daysBefore(lastDay, days - 1 - index)
    return { day, count: counts.get(day) ?? 0 }
  })
}

const WIDTH = 640
const HEIGHT = 180
const PAD = { top: 12, right: 12, bottom: 24, left: 56 }
const label = (day: string, withYear = false) => `${day.slice(8, 10)}/${day.slice(5, 7)}${withYear ? `/${day.slice(0, 4)}` : ''}`

/**
 * Daily visits drawn on the server as SVG: bars for a month, a line for a year. The numbers are
 * also in the title and a hidden table for screen readers.
 */
export function VisitsChart({ title, points }: { title: string; points: DailyPoint[] }) {
  const max = Math.max(1, ...points.map((point) => point.count))
  const innerWidth = WIDTH - PAD.left - PAD.right
  const innerHeight = HEIGHT - PAD.top - PAD.bottom
  const x = (index: number) => PAD.left + (points.length <= 1 ? 0 : (index / (points.length - 1)) * innerWidth)
  const y = (count: number) => PAD.top + innerHeight - (count / max) * innerHeight
  const total = points.reduce((sum, point) => sum + point.count, 0)
  const bars = points.length <= 62
  const slot = innerWidth / Math.max(1, points.length)
  return (
    <figure className="visits-chart" style={{ margin: '0 0 1.5rem' }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>
        {title}: {formatNumber(total)} lượt
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${title}, cao nhất ${formatNumber(max)} lượt một ngày`} style={{ maxWidth: WIDTH, background: 'var(--theme-elevation-50, #f6f6f6)' }}>
        <line x1={PAD.left} y1={PAD.top + innerHeight} x2={WIDTH - PAD.right} y2={PAD.top + innerHeight} stroke="currentColor" strokeOpacity="0.4" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerHeight} stroke="currentColor" strokeOpacity="0.4" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="currentColor">
          {formatNumber(max)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + innerHeight} textAnchor="end" fontSize="11" fill="currentColor">
          0
        </text>
        {points.length > 0 ? (
          <>
            <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="currentColor">
              {label(points[0]!.day, !bars)}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize="11" fill="currentColor">
              {label(points[points.length - 1]!.day, !bars)}
            </text>
          </>
        ) : null}
        {bars ? (
          points.map((point, index) => (
            <rect
              key={point.day}
              className="visits-bar"
              x={PAD.left + index * slot + slot * 0.15}
              y={y(point.count)}
              width={slot * 0.7}
              height={PAD.top + innerHeight - y(point.count)}
              fill="#a50e0e"
            >
              <title>{`${label(point.day)}: ${formatNumber(point.count)}`}</title>
            </rect>
          ))
        ) : (
          <polyline className="visits-line" fill="none" stroke="#a50e0e" strokeWidth="1.5" points={points.map((point, index) => `${x(index).toFixed(1)},${y(point.count).toFixed(1)}`).join(' ')} />
        )}
      </svg>
    </figure>
  )
}
