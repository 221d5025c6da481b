import type { Payload, TaskConfig } from 'payload'

import type { Site, WeatherWidget } from '../payload-types.ts'

import { env } from '../config/env.ts'
import { fetchOpenMeteo, type ProviderObservation } from './openMeteo.ts'

export type FetchPlace = (latitude: number, longitude: number) => Promise<ProviderObservation>

export type RefreshReport = { fetched: number; skipped: number; failed: number }

/** The provider as configured (allow-list, endpoint). */
export const configuredProvider: FetchPlace = (latitude, longitude) =>
  fetchOpenMeteo(latitude, longitude, { apiUrl: env().weatherApiUrl, allowedHosts: env().weatherAllowedHosts })

/**
 * Fetches current weather for every place of every automatic weather box whose last observation is
 * older than the box's refresh interval. A failure keeps the last good observation (nothing is
 * written) and is logged; the box then shows the time of that observation.
 */
export async function refreshWeather(payload: Payload, { fetchPlace = configuredProvider, now = new Date() }: { fetchPlace?: FetchPlace; now?: Date } = {}): Promise<RefreshReport> {
  const report: RefreshReport = { fetched: 0, skipped: 0, failed: 0 }
  const widgets = await payload.find({ collection: 'weather-widgets', where: { mode: { equals: 'open-meteo' } }, depth: 0, limit: 200, pagination: false })
  for (const widget of widgets.docs) {
    for (const location of widget.locations ?? []) {
      if (await isFresh(payload, widget, location.name, now)) {
        report.skipped++
        continue
      }
      try {
        const observation = await fetchPlace(location.latitude, location.longitude)
        await payload.create({
          collection: 'weather-observations',
          data: { ...observation, widget: widget.id, locationName: location.name, source: 'open-meteo', site: siteId(widget) },
        })
        report.fetched++
      } catch (error) {
        report.failed++
        payload.logger.warn(`weather: ${location.name} not refreshed: ${(error as Error).message}`)
      }
    }
  }
  return report
}

function siteId(widget: WeatherWidget): Site['id'] {
  return typeof widget.site === 'object' && widget.site ? widget.site.id : (widget.site as Site['id'])
}

async function isFresh(payload: Payload, widget: WeatherWidget, locationName: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (widget.refreshMinutes ?? 30) * 60_000 + 60_000).toISOString()
  const recent = await payload.count({
    collection: 'weather-observations',
    where: { and: [{ widget: { equals: widget.id } }, { locationName: { equals: locationName } }, { source: { equals: 'open-meteo' } }, { createdAt: { greater_than: since } }] },
  })
  return recent.totalDocs > 0
}

/** The refresh job, scheduled on its own queue (WEATHER_REFRESH_CRON, default every 30 minutes). */
export const refreshWeatherTask = (): TaskConfig => ({
  slug: 'refreshWeather',
  label: 'Cập nhật thời tiết',
  retries: 0,
  schedule: [{ cron: env().weatherRefreshCron, queue: 'weather' }],
  outputSchema: [
    { name: 'fetched', type: 'number' },
    { name: 'skipped', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await refreshWeather(req.payload) }),
})
