import { listen } from './listen.ts'

export type StandInMode = 'ok' | 'error' | 'slow' | 'malformed' | 'incomplete' | 'redirect' | 'busy-then-ok'

/** A body shaped like Open-Meteo's /v1/forecast answer with `timezone=Asia/Ho_Chi_Minh`. */
export function openMeteoBody(temperature = 30.2, time = '2020-08-09T08:30') {
  return {
    latitude: 20.8125,
    longitude: 105.3375,
    generationtime_ms: 0.05,
    utc_offset_seconds: 25200,
    timezone: 'Asia/Ho_Chi_Minh',
    timezone_abbreviation: 'GMT+7',
    elevation: 30,
    current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: '°C', relative_humidity_2m: '%', wind_speed_10m: 'km/h', weather_code: 'wmo code' },
    current: { time, interval: 900, temperature_2m: temperature, relative_humidity_2m: 75, wind_speed_10m: 11.3, weather_code: 61 },
    daily_units: { time: 'iso8601', weather_code: 'wmo code', temperature_2m_max: '°C', temperature_2m_min: '°C' },
    daily: {
      time: ['2020-08-09', '2020-08-10', '2020-08-11', '2020-08-12'],
      weather_code: [61, 3, 0, 95],
      temperature_2m_max: [33.1, 32.4, 34, 31.2],
      temperature_2m_min: [25.3, 25.8, 26.1, 24.9],
    },
  }
}

/**
 * A local stand-in for api.open-meteo.com on 127.0.0.1: answers like the real API, or fails in the
 * way `mode` says. `hits` counts the requests it received.
 */
export async function startOpenMeteoStandIn() {
  let mode: StandInMode = 'ok'
  let hits = 0
  let redirectTo = 'http://169.254.169.254/latest/meta-data/'
  const requests: URL[] = []
  const { port, close } = await listen((req, res) => {
    hits++
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url)
    if (url.pathname !== '/v1/forecast') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: true, reason: 'Not found' }))
      return
    }
    if (!url.searchParams.get('latitude') || !url.searchParams.get('longitude')) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: true, reason: 'Parameter latitude is missing' }))
      return
    }
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    switch (mode) {
      case 'ok':
        return json(200, openMeteoBody(30.2))
      case 'error':
        return json(500, { error: true, reason: 'Internal server error' })
      case 'busy-then-ok':
        if (hits % 2 === 1) return json(429, { error: true, reason: 'Too many concurrent requests' })
        return json(200, openMeteoBody(28.6))
      case 'slow':
        setTimeout(() => json(200, openMeteoBody(99)), 3_000).unref()
        return
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"current": {"temperature_2m": 30, "rela')
        return
      case 'incomplete':
        return json(200, { ...openMeteoBody(), current: { time: '2020-08-09T08:30', temperature_2m: 'warm' } })
      case 'redirect':
        res.writeHead(302, { location: redirectTo }).end()
        return
    }
  })
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/v1/forecast`,
    setMode: (next: StandInMode) => {
      mode = next
      hits = 0
    },
    setRedirect: (target: string) => (redirectTo = target),
    hits: () => hits,
    requests,
    close,
  }
}
