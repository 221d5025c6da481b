import type { Payload } from 'payload'

import type { Site, WeatherObservation, WeatherWidget } from '../payload-types.ts'

export type WeatherPlace = { name: string; isDefault: boolean; observation: WeatherObservation | null }
export type WeatherBoxData = { id: number | string; title: string; automatic: boolean; places: WeatherPlace[] }

/** Observations read per box: enough for the newest of each place. */
const RECENT_OBSERVATIONS = 100

/** The visible weather boxes of a site, each place with its newest observation (public read). */
export async function findWeatherBoxes(payload: Payload, site: Site): Promise<WeatherBoxData[]> {
  const widgets = await payload.find({
    collection: 'weather-widgets',
    where: { and: [{ site: { equals: site.id } }, { visible: { not_equals: false } }] },
    sort: 'createdAt',
    depth: 0,
    limit: 3,
    overrideAccess: false,
  })
  return Promise.all(widgets.docs.map((widget) => boxOf(payload, widget)))
}

async function boxOf(payload: Payload, widget: WeatherWidget): Promise<WeatherBoxData> {
  const observations = await payload.find({
    collection: 'weather-observations',
    where: { widget: { equals: widget.id } },
    sort: '-observedAt',
    depth: 0,
    limit: RECENT_OBSERVATIONS,
    overrideAccess: false,
  })
  const newest = new Map<string, WeatherObservation>()
  for (const observation of observations.docs) if (!newest.has(observation.locationName)) newest.set(observation.locationName, observation)
  const locations = widget.locations ?? []
  const hasDefault = locations.some((location) => location.isDefault)
  return {
    id: widget.id,
    title: widget.title,
    automatic: widget.mode === 'open-meteo',
    places: locations.map((location, index) => ({
      name: location.name,
      isDefault: hasDefault ? Boolean(location.isDefault) && locations.findIndex((other) => other.isDefault) === index : index === 0,
      observation: newest.get(location.name) ?? null,
    })),
  }
}
