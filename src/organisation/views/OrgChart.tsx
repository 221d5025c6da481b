import React from 'react'

import type { ChartLayout } from '../chart.ts'

import { CHART } from '../chart.ts'

/**
 * The organisation chart as a server-drawn SVG picture. It is an image for sighted readers; the
 * nested list beside it (UnitTree) carries the same information for everyone else, so the picture
 * only names itself.
 */
export function OrgChart({ layout, title }: { layout: ChartLayout; title: string }) {
  return (
    <svg
      className="org-chart"
      role="img"
      aria-labelledby="so-do-tieu-de"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="so-do-tieu-de">{title}</title>
      {layout.lines.map((line, index) => (
        <polyline key={index} className="org-line" points={line.points.map(([x, y]) => `${x},${y}`).join(' ')} />
      ))}
      {layout.boxes.map((box) => (
        <g key={box.id} className={`org-box org-box--${box.kind}`} data-unit={box.id} data-parent={box.parent ?? undefined}>
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx="4" />
          <text x={box.x + box.width / 2} y={box.y + CHART.padding + CHART.lineHeight - 4} textAnchor="middle">
            {box.lines.map((line, index) => (
              <tspan key={index} x={box.x + box.width / 2} dy={index === 0 ? 0 : CHART.lineHeight}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </svg>
  )
}
