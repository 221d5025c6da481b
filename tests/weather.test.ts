import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site, WeatherWidget } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { fetchOpenMeteo, WeatherProviderError } from '../src/weather/openMeteo.ts'
import { refreshWeather } from '../src/weather/refresh.ts'
import { isInternalAddress } from '../src/weather/internalAddress.ts'
import { RefusedDestinationError, safeGet } from '../src/weather/safeFetch.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { freshPage } from './helpers/pages.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { startOpenMeteoStandIn } from './helpers/openMeteoStandIn.ts'

let standIn: Awaited<ReturnType<typeof startOpenMeteoStandIn>>
/** Something that must never be contacted: a second local server not on the allow-list. */
let bystander: Awaited<ReturnType<typeof startOpenMeteoStandIn>>
let portal: Portal
let hoabinh: Site
let widget: WeatherWidget

beforeAll(async () => {
  standIn = await startOpenMeteoStandIn()
  bystander = await startOpenMeteoStandIn()
  portal = await bootPortal({ seed: true, env: { WEATHER_API_URL: standIn.url, WEATHER_ALLOWED_HOSTS: `api.open-meteo.com,${standIn.host}` } })
  hoabinh = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
  await standIn?.close()
  await bystander?.close()
})

const quick = { attempts: 3, backoffMs: 10, timeoutMs: 500 }
// A changed box purges the site's pages: the next reader after the re-render sees it (tests/helpers/pages.ts).
const home = (host = 'localhost') => freshPage(() => request(portal.app).get('/').set('Host', host))

describe('outbound requests only to allowed hosts', () => {
  // Each literal spelling of an address the portal must not reach, and what it stands for.
  const INTERNAL: [address: string, why: string][] = [
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00::1', 'IPv6 unique-local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped, dotted'],
    ['::ffff:7f00:1', 'IPv4-mapped, hex'],
    ['::FFFF:A9FE:A9FE', 'IPv4-mapped metadata, upper-case hex'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'IPv4-mapped, written in full'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated (SIIT), dotted'],
    ['::ffff:0:a00:1', 'IPv4-translated (SIIT), hex'],
    ['::127.0.0.1', 'IPv4-compatible, dotted'],
    ['::a9fe:a9fe', 'IPv4-compatible, hex'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:a9fe:a9fe::1', '6to4 of the metadata address'],
    ['2002:c0a8:101:1::1', '6to4 of 192.168.1.1'],
    ['64:ff9b::7f00:1', 'NAT64 well-known prefix'],
    ['64:ff9b::8.8.8.8', 'NAT64: the translator itself is refused'],
    ['64:ff9b:1::a00:1', 'NAT64 local-use prefix'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['not-an-address', 'not an address at all'],
  ]
  const EXTERNAL = ['8.8.8.8', '104.21.32.1', '2606:4700::6810:1', '::ffff:8.8.8.8', '::ffff:808:808', '2002:808:808::1', '2a00:1450:4001:80b::200e']

  it.each(INTERNAL)('treats %s as internal (%s)', (address) => {
    expect(isInternalAddress(address)).toBe(true)
  })

  it('lets public addresses through, in every spelling', () => {
    for (const address of EXTERNAL) expect(isInternalAddress(address), address).toBe(false)
  })

  it('refuses hosts off the list, internal addresses behind a listed name and redirects, without contacting them', async () => {
    const allowed = [standIn.host, `localhost:${bystander.port}`, 'api.open-meteo.com']
    bystander.setMode('ok')
    const refusals = [
      `http://127.0.0.1:${bystander.port}/v1/forecast?latitude=1&longitude=1`, // loopback, not listed
      `http://localhost:${bystander.port}/v1/forecast?latitude=1&longitude=1`, // listed name resolving to loopback
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      `ftp://${standIn.host}/`,
      `http://user:secret@${standIn.host}/v1/forecast`,
    ]
    for (const url of refusals) {
      await expect(safeGet(url, { allowedHosts: allowed, timeoutMs: 500 }), url).rejects.toBeInstanceOf(RefusedDestinationError)
    }
    expect(bystander.hits()).toBe(0)

    // A redirect from the allowed host to the bystander is not followed.
    standIn.setMode('redirect')
    standIn.setRedirect(`http://127.0.0.1:${bystander.port}/v1/forecast?latitude=1&longitude=1`)
    await expect(fetchOpenMeteo(20.8, 105.3, { apiUrl: standIn.url, allowedHosts: allowed, ...quick })).rejects.toBeInstanceOf(RefusedDestinationError)
    expect(standIn.hits()).toBe(1)
    expect(bystander.hits()).toBe(0)
  })
})

describe('the Open-Meteo client against a local stand-in', () => {
  const options = () => ({ apiUrl: standIn.url, allowedHosts: [standIn.host], ...quick })

  it('reads current weather and the next days, in km/h and Vietnam time', async () => {
    standIn.setMode('ok')
    const observation = await fetchOpenMeteo(20.8133, 105.3383, options())
    expect(observation).toMatchObject({ temperature: 30.2, humidity: 75, windSpeed: 11.3, condition: 'rain', observedAt: '2020-08-09T01:30:00.000Z' })
    expect(observation.forecast).toHaveLength(4)
    expect(observation.forecast[3]).toEqual({ date: '2020-08-12', min: 24.9, max: 31.2, condition: 'thunderstorm' })
    const asked = standIn.requests.at(-1)!
    expect(asked.searchParams.get('latitude')).toBe('20.8133')
    expect(asked.searchParams.get('timezone')).toBe('Asia/Ho_Chi_Minh')
    expect(asked.searchParams.get('wind_speed_unit')).toBe('kmh')
  })

  it('retries server errors and 429 with backoff, then gives up', async () => {
    standIn.setMode('busy-then-ok')
    expect((await fetchOpenMeteo(20.8, 105.3, options())).temperature).toBe(28.6)
    expect(standIn.hits()).toBe(2)
    standIn.setMode('error')
    await expect(fetchOpenMeteo(20.8, 105.3, options())).rejects.toThrow(/500/)
    expect(standIn.hits()).toBe(3)
  })

  it('cuts off slow answers and rejects malformed or incomplete bodies without retrying them', async () => {
    standIn.setMode('slow')
    await expect(fetchOpenMeteo(20.8, 105.3, { ...options(), attempts: 1, timeoutMs: 300 })).rejects.toThrow(/no answer within 300 ms/)
    standIn.setMode('malformed')
    await expect(fetchOpenMeteo(20.8, 105.3, options())).rejects.toBeInstanceOf(WeatherProviderError)
    expect(standIn.hits()).toBe(1)
    standIn.setMode('incomplete')
    await expect(fetchOpenMeteo(20.8, 105.3, options())).rejects.toThrow(/lacks current/)
  })
})

describe('the weather box', () => {
  it('shows the demo box with several places (manual observations) on each site', async () => {
    const hoabinhHome = await home()
    expect(hoabinhHome.text).toContain('Dự báo thời tiết')
    for (const place of ['TP. Hòa Bình', 'Mai Châu', 'Lương Sơn']) expect(hoabinhHome.text).toContain(place)
    expect(hoabinhHome.text).toContain('Thành phố: TP. Hòa Bình')
    expect(hoabinhHome.text).toContain('30°C')
    expect(hoabinhHome.text).toContain('Độ ẩm: 75%')
    expect(hoabinhHome.text).toContain('Tốc độ gió: 11 km/h')
    expect(hoabinhHome.text).toMatch(/Cập nhật lúc \d\d:00:00 ngày \d\d\/\d\d\/\d{4}/)
    expect(hoabinhHome.text).toMatch(/href="#thoi-tiet-\d+-1"/)
    const kontumHome = await home('127.0.0.1')
    for (const place of ['TP. Kon Tum', 'Đắk Hà', 'Ngọc Hồi']) expect(kontumHome.text).toContain(place)
    expect(kontumHome.text).not.toContain('Mai Châu')
  })

  it('refreshes automatic boxes in the scheduled job, and keeps the last good observation when the provider fails', async () => {
    widget = await portal.payload.create({
      collection: 'weather-widgets',
      data: { title: 'Thời tiết tự động', mode: 'open-meteo', refreshMinutes: 30, site: hoabinh.id, locations: [{ name: 'Kỳ Sơn', latitude: 20.9, longitude: 105.35, isDefault: true }] },
    })
    standIn.setMode('ok')
    await portal.payload.jobs.queue({ task: 'refreshWeather', input: {}, queue: 'weather' })
    await portal.payload.jobs.run({ queue: 'weather' })
    const observations = () => portal.payload.count({ collection: 'weather-observations', where: { widget: { equals: widget.id } } }).then((result) => result.totalDocs)
    expect(await observations()).toBe(1)
    let page = await home()
    expect(page.text).toContain('Thời tiết tự động')
    expect(page.text).toContain('Cập nhật lúc 08:30:00 ngày 09/08/2020')
    // The provider's time is years old here: older than WEATHER_STALE_MINUTES, so it is marked.
    expect(page.text).toContain('số liệu cũ')

    // Within the refresh interval nothing is fetched.
    standIn.setMode('ok')
    expect(await refreshWeather(portal.payload)).toMatchObject({ fetched: 0, skipped: 1 })
    expect(standIn.hits()).toBe(0)

    const later = new Date(Date.now() + 31 * 60_000)
    for (const mode of ['error', 'slow', 'malformed'] as const) {
      standIn.setMode(mode)
      const report = await refreshWeather(portal.payload, {
        now: later,
        fetchPlace: (latitude, longitude) => fetchOpenMeteo(latitude, longitude, { apiUrl: standIn.url, allowedHosts: [standIn.host], ...quick, timeoutMs: 300 }),
      })
      expect(report, mode).toMatchObject({ fetched: 0, failed: 1 })
    }
    expect(await observations()).toBe(1)
    page = await home()
    expect(page.text).toContain('Cập nhật lúc 08:30:00 ngày 09/08/2020')
    expect(page.status).toBe(200)
  })

  it('lets an editor of the site enter an observation by hand; an editor of another site cannot', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const created = await request(portal.app)
      .post('/api/weather-observations')
      .set('Authorization', editor)
      .send({ widget: widget.id, site: hoabinh.id, locationName: 'Kỳ Sơn', temperature: 29, humidity: 68, windSpeed: 6, condition: 'clear', source: 'manual', observedAt: new Date().toISOString() })
    expect(created.status).toBe(201)
    const page = await home()
    expect(page.text).toContain('29°C')
    expect(page.text).toContain('Độ ẩm: 68%')

    const outsider = await loginAs(portal.app, demoEmail.editor(KONTUM))
    const refused = await request(portal.app)
      .post('/api/weather-observations')
      .set('Authorization', outsider)
      .send({ widget: widget.id, site: hoabinh.id, locationName: 'Kỳ Sơn', temperature: 99, humidity: 1, windSpeed: 1, condition: 'clear' })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    expect((await home()).text).not.toContain('99°C')
  })
})
