import type { Payload, PayloadRequest } from 'payload'

import type { Site } from '../payload-types.ts'
import type { Condition } from './conditions.ts'

type DemoPlace = { name: string; latitude: number; longitude: number; temperature: number; humidity: number; windSpeed: number; condition: Condition }

/** Demo places per site key, with hand-entered numbers: the demo machine may be offline. */
const DEMO_WEATHER: Record<string, DemoPlace[]> = {
  hoabinh: [
    { name: 'TP. Hòa Bình', latitude: 20.8133, longitude: 105.3383, temperature: 30, humidity: 75, windSpeed: 11, condition: 'partly-cloudy' },
    { name: 'Mai Châu', latitude: 20.6636, longitude: 105.0853, temperature: 27, humidity: 82, windSpeed: 7, condition: 'showers' },
    { name: 'Lương Sơn', latitude: 20.8711, longitude: 105.5178, temperature: 31, humidity: 70, windSpeed: 9, condition: 'clear' },
  ],
  kontum: [
    { name: 'TP. Kon Tum', latitude: 14.3545, longitude: 108.0076, temperature: 26, humidity: 80, windSpeed: 12, condition: 'cloudy' },
    { name: 'Đắk Hà', latitude: 14.5167, longitude: 107.9333, temperature: 25, humidity: 84, windSpeed: 10, condition: 'rain' },
    { name: 'Ngọc Hồi', latitude: 14.7069, longitude: 107.6781, temperature: 24, humidity: 86, windSpeed: 8, condition: 'thunderstorm' },
  ],
}

/**
 * A weather box in manual mode with several places and one observation each, unless the site
 * already has a weather box. Returns how many documents it created.
 */
export async function seedWeather(payload: Payload, site: Site, req: Partial<PayloadRequest>): Promise<number> {
  const places = DEMO_WEATHER[site.key]
  if (!places) return 0
  const existing = await payload.count({ collection: 'weather-widgets', where: { site: { equals: site.id } } })
  if (existing.totalDocs > 0) return 0
  const widget = await payload.create({
    collection: 'weather-widgets',
    data: {
      title: 'Dự báo thời tiết',
      mode: 'manual',
      refreshMinutes: 30,
      visible: true,
      site: site.id,
      locations: places.map(({ name, latitude, longitude }, index) => ({ name, latitude, longitude, isDefault: index === 0 })),
    },
    req,
  })
  const observedAt = new Date()
  observedAt.setUTCMinutes(0, 0, 0)
  for (const { name, temperature, humidity, windSpeed, condition } of places) {
    await payload.create({
      collection: 'weather-observations',
      data: { widget: widget.id, site: site.id, locationName: name, temperature, humidity, windSpeed, condition, source: 'manual', observedAt: observedAt.toISOString() },
      req,
    })
  }
  return 1 + places.length
}
