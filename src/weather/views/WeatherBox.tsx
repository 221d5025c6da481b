import React from 'react'

import type { Condition } from '../conditions.ts'
import type { WeatherBoxData, WeatherPlace } from '../queries.ts'

import { formatDate, formatNumber, TIME_ZONE } from '../../lib/dates.ts'
import { conditionLabel } from '../conditions.ts'
import { WeatherIcon } from './WeatherIcon.tsx'

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })
const weekday = new Intl.DateTimeFormat('vi-VN', { weekday: 'short', timeZone: 'UTC' })

/** "Cập nhật lúc 08:30:00 ngày 09/08/2020" */
export function updatedAtText(observedAt: string): string {
  return `Cập nhật lúc ${clock.format(new Date(observedAt))} ngày ${formatDate(observedAt)}`
}

const degrees = (value: number) => `${formatNumber(Math.round(value))}°C`

type WeatherBoxProps = { box: WeatherBoxData; now: Date; staleAfterMinutes: number }

/**
 * Observations of an automatic box older than `staleAfterMinutes` are marked as out of date (the
 * provider could not be reached); hand-entered ones show their time only.
 *
 * "Dự báo thời tiết": one panel per place. Without JavaScript the place links jump to their panel
 * (CSS :target shows it); with JavaScript (/assets/weather.js) they switch the panel in place.
 */
export function WeatherBox({ box, now, staleAfterMinutes }: WeatherBoxProps) {
  const panelId = (index: number) => `thoi-tiet-${box.id}-${index}`
  return (
    <section className="box weather" aria-labelledby={`hop-thoi-tiet-${box.id}`} data-weather-box="">
      <h2 id={`hop-thoi-tiet-${box.id}`} className="box-title">
        {box.title}
      </h2>
      {box.places.length > 1 ? (
        <nav className="weather-places" aria-label="Chọn thành phố">
          <span className="weather-places-label">Thành phố:</span>
          <ul>
            {box.places.map((place, index) => (
              <li key={place.name}>
                <a href={`#${panelId(index)}`} data-weather-place={panelId(index)} aria-current={place.isDefault ? 'true' : undefined}>
                  {place.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="weather-panels">
        {box.places.map((place, index) => (
          <WeatherPanel key={place.name} id={panelId(index)} place={place} now={now} staleAfterMinutes={box.automatic ? staleAfterMinutes : Infinity} />
        ))}
      </div>
    </section>
  )
}

function WeatherPanel({ id, place, now, staleAfterMinutes }: { id: string; place: WeatherPlace; now: Date; staleAfterMinutes: number }) {
  const observation = place.observation
  const className = `weather-panel${place.isDefault ? ' is-default' : ''}`
  if (!observation) {
    return (
      <div className={className} id={id} data-place={place.name}>
        <p className="weather-place">Thành phố: {place.name}</p>
        <p className="weather-missing">Chưa có số liệu.</p>
      </div>
    )
  }
  const stale = now.getTime() - new Date(observation.observedAt).getTime() > staleAfterMinutes * 60_000
  return (
    <div className={className} id={id} data-place={place.name}>
      <p className="weather-place">Thành phố: {place.name}</p>
      <div className="weather-now">
        <WeatherIcon condition={observation.condition as Condition} />
        <span className="weather-temp">{degrees(observation.temperature)}</span>
        <span className="weather-condition">{conditionLabel(observation.condition)}</span>
      </div>
      <ul className="plain-list weather-facts">
        <li>Độ ẩm: {formatNumber(Math.round(observation.humidity))}%</li>
        <li>Tốc độ gió: {formatNumber(Math.round(observation.windSpeed))} km/h</li>
      </ul>
      <p className={`weather-updated${stale ? ' is-stale' : ''}`}>
        {updatedAtText(observation.observedAt)}
        {stale ? <strong> (số liệu cũ, chưa cập nhật được)</strong> : null}
      </p>
      {observation.forecast && observation.forecast.length > 0 ? (
        <ol className="weather-forecast" aria-label={`Dự báo các ngày tới tại ${place.name}`}>
          {observation.forecast.map((day) => (
            <li key={day.date}>
              <span className="weather-day">{weekday.format(new Date(`${day.date}T00:00:00Z`))}</span>
              <WeatherIcon condition={day.condition as Condition} />
              <span>
                {degrees(day.min)} – {degrees(day.max)}
              </span>
              <span className="visually-hidden">{conditionLabel(day.condition)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
