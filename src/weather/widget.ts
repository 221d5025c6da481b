import React from 'react'

import type { SidebarWidget } from '../site/sidebar.ts'

import { env } from '../config/env.ts'
import { assetPath } from '../site/paths.ts'
import { findWeatherBoxes } from './queries.ts'
import { WeatherBox } from './views/WeatherBox.tsx'

/** "Dự báo thời tiết" in the right-hand column: the site's visible weather boxes, with the switching script. */
export const weatherWidget: SidebarWidget = {
  key: 'weather',
  async render(payload, site) {
    const boxes = await findWeatherBoxes(payload, site)
    if (boxes.length === 0) return null
    const now = new Date()
    return React.createElement(
      React.Fragment,
      null,
      ...boxes.map((box) => React.createElement(WeatherBox, { key: String(box.id), box, now, staleAfterMinutes: env().weatherStaleMinutes })),
      React.createElement('script', { key: 'script', src: assetPath('weather.js'), defer: true }),
    )
  },
}
