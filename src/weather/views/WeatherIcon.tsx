import React from 'react'

import type { Condition } from '../conditions.ts'

const SUN = (
  <g className="wx-sun">
    <circle cx="16" cy="16" r="6" />
    {[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => (
      <line key={angle} x1="16" y1="4" x2="16" y2="7.5" transform={`rotate(${angle} 16 16)`} />
    ))}
  </g>
)
const CLOUD = <path className="wx-cloud" d="M9 25h15a5 5 0 0 0 0-10 7 7 0 0 0-13.4 1.6A4.2 4.2 0 0 0 9 25z" />
const DROPS = (
  <g className="wx-rain">
    <line x1="12" y1="27" x2="11" y2="30" />
    <line x1="17" y1="27" x2="16" y2="30" />
    <line x1="22" y1="27" x2="21" y2="30" />
  </g>
)

const SHAPES: Record<Condition, React.ReactNode> = {
  clear: SUN,
  'partly-cloudy': (
    <>
      <g transform="translate(-5 -5) scale(0.8)">{SUN}</g>
      {CLOUD}
    </>
  ),
  cloudy: CLOUD,
  fog: (
    <g className="wx-fog">
      <line x1="6" y1="12" x2="26" y2="12" />
      <line x1="4" y1="17" x2="28" y2="17" />
      <line x1="7" y1="22" x2="25" y2="22" />
    </g>
  ),
  drizzle: (
    <>
      {CLOUD}
      <g className="wx-rain">
        <line x1="13" y1="27.5" x2="13" y2="28.5" />
        <line x1="19" y1="27.5" x2="19" y2="28.5" />
      </g>
    </>
  ),
  rain: (
    <>
      {CLOUD}
      {DROPS}
    </>
  ),
  showers: (
    <>
      <g transform="translate(-5 -6) scale(0.8)">{SUN}</g>
      {CLOUD}
      {DROPS}
    </>
  ),
  thunderstorm: (
    <>
      {CLOUD}
      <path className="wx-bolt" d="M17 22l-4 6h4l-2 4 6-7h-4l2-3z" />
    </>
  ),
  snow: (
    <>
      {CLOUD}
      <g className="wx-snow">
        <circle cx="12" cy="28.5" r="1" />
        <circle cx="17" cy="29.5" r="1" />
        <circle cx="22" cy="28.5" r="1" />
      </g>
    </>
  ),
}

/** A small drawn icon of the condition; decorative (the condition is also written out). */
export function WeatherIcon({ condition }: { condition: Condition }) {
  return (
    <svg className={`wx-icon wx-${condition}`} viewBox="0 0 32 32" width="48" height="48" aria-hidden="true" focusable="false">
      {SHAPES[condition] ?? CLOUD}
    </svg>
  )
}
