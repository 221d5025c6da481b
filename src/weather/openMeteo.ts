import type { Condition } from './conditions.ts'

import { conditionOfCode } from './conditions.ts'
import { RefusedDestinationError, safeGet } from './safeFetch.ts'

export type ForecastDay = { date: string; min: number; max: number; condition: Condition }

export type ProviderObservation = {
  temperature: number
  humidity: number
  windSpeed: number
  condition: Condition
  observedAt: string
  forecast: ForecastDay[]
}

export class WeatherProviderError extends Error {
  override name = 'WeatherProviderError'
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
  }
}

export type OpenMeteoOptions = {
  apiUrl: string
  allowedHosts: string[]
  timeoutMs?: number
  /** Attempts in all (first try included). */
  attempts?: number
  backoffMs?: number
  sleep?: (ms: number) => Promise<void>
}

const FORECAST_DAYS = 4
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The forecast URL for one place: current conditions and the next days, in km/h and Vietnam's time. */
export function forecastUrl(apiUrl: string, latitude: number, longitude: number): string {
  const url = new URL(apiUrl)
  url.searchParams.set('latitude', String(latitude))
  url.searchParams.set('longitude', String(longitude))
  url.searchParams.set('current', 'temperature_2m,relative_humidity_2m,wind_speed_10m,weather_code')
  url.searchParams.set('daily', 'weather_code,temperature_2m_max,temperature_2m_min')
  url.searchParams.set('wind_speed_unit', 'kmh')
  url.searchParams.set('timezone', 'Asia/Ho_Chi_Minh')
  url.searchParams.set('forecast_days', String(FORECAST_DAYS))
  return url.toString()
}

/**
 * Current weather of one place from Open-Meteo (no key needed): a time limit per attempt, retries
 * with doubling waits on network errors, timeouts, 429 and 5xx, and a checked answer.
 */
export async function fetchOpenMeteo(latitude: number, longitude: number, options: OpenMeteoOptions): Promise<ProviderObservation> {
  const { attempts = 3, backoffMs = 500, timeoutMs = 5_000, sleep = sleepFor } = options
  const url = forecastUrl(options.apiUrl, latitude, longitude)
  let lastError: Error = new WeatherProviderError('no attempt made', false)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await safeGet(url, { allowedHosts: options.allowedHosts, timeoutMs })
      if (response.status === 429 || response.status >= 500) throw new WeatherProviderError(`provider answered ${response.status}`, true)
      if (response.status !== 200) throw new WeatherProviderError(`provider answered ${response.status}`, false)
      return parseOpenMeteo(response.body)
    } catch (error) {
      if (error instanceof RefusedDestinationError) throw error
      lastError = error instanceof Error ? error : new Error(String(error))
      const retryable = !(error instanceof WeatherProviderError) || error.retryable
      if (!retryable || attempt === attempts) break
      await sleep(backoffMs * 2 ** (attempt - 1))
    }
  }
  throw lastError
}

const isNumber = (value: unknown, min: number, max: number): value is number => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max

/** Checks an Open-Meteo answer and turns it into an observation; anything odd is an error. */
export function parseOpenMeteo(body: string): ProviderObservation {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    throw new WeatherProviderError('answer is not JSON', false)
  }
  const root = (data ?? {}) as Record<string, unknown>
  const current = (root.current ?? {}) as Record<string, unknown>
  const offset = root.utc_offset_seconds
  const { temperature_2m: temperature, relative_humidity_2m: humidity, wind_speed_10m: wind, weather_code: code, time } = current
  if (!isNumber(temperature, -60, 70) || !isNumber(humidity, 0, 100) || !isNumber(wind, 0, 500) || !isNumber(code, 0, 99)) {
    throw new WeatherProviderError('answer lacks current temperature, humidity, wind or weather code', false)
  }
  if (typeof time !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(time) || !isNumber(offset, -50_400, 50_400)) {
    throw new WeatherProviderError('answer lacks the observation time', false)
  }
  const observedAt = new Date(Date.parse(`${time}:00Z`) - offset * 1000).toISOString()
  return {
    temperature,
    humidity,
    windSpeed: wind,
    condition: conditionOfCode(code),
    observedAt,
    forecast: parseDaily(root.daily),
  }
}

function parseDaily(raw: unknown): ForecastDay[] {
  const daily = (raw ?? {}) as Record<string, unknown>
  const { time, weather_code: codes, temperature_2m_max: maxima, temperature_2m_min: minima } = daily
  if (![time, codes, maxima, minima].every(Array.isArray)) return []
  const days: ForecastDay[] = []
  for (let index = 0; index < Math.min((time as unknown[]).length, FORECAST_DAYS); index++) {
    const date = (time as unknown[])[index]
    const code = (codes as unknown[])[index]
    const max = (maxima as unknown[])[index]
    const min = (minima as unknown[])[index]
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isNumber(code, 0, 99) || !isNumber(max, -60, 70) || !isNumber(min, -60, 70)) continue
    days.push({ date, min, max, condition: conditionOfCode(code) })
  }
  return days
}
