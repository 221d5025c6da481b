
import express from 'express'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'

import { frontDoor } from '../src/server/frontDoor.ts'
import { createPageCache } from '../src/site/cache/pageCache.ts'
import { type Listening, listen } from './helpers/listen.ts'

const site = { id: 7, hosts: [{ host: 'localhost' }] } as unknown as Site
let listening: Listening | undefined

afterEach(() => listening?.close())

/** A server with the front door over an app whose one route renders through the page cache. */
async function start() {
  const cache = createPageCache({ maxBytes: 1 << 20, authenticate: async () => undefined })
  const renders: string[] = []
  const counted: string[] = []
  const app = express()
  app.use((_req, res, next) => {
    res.locals.site = site
    res.setHeader('Content-Security-Policy', "default-src 'self'")
    next()
  })
  app.get(
    '/bai-viet/:slug',
    cache.page({}, async (req) => {
      renders.push(req.params.slug as string)
      return { type: 'html', body: `<!doctype html><h1>${req.params.slug}</h1>`, tags: [] }
    }),
  )
  const door = frontDoor({ cache, sites: { loadedSiteFor: (host) => (host?.startsWith('localhost') ? site : undefined) }, countPage: (req, id) => counted.push(`${id} ${req.url}`) })
  listening = await listen((req, res) => door(req, res) || app(req, res))
  const { port } = listening
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
        })
        .on('error', reject)
    })
  return { get, renders, counted }
}

describe('front door', () => {
  it('answers a fresh cached page before Express, with its stored headers, and counts the view', async () => {
    const { get, renders, counted } = await start()
    const first = await get('/bai-viet/hoi-nghi')
    expect(first.headers['x-cache']).toBe('MISS')
    const second = await get('/bai-viet/hoi-nghi')
    expect(second.body).toBe(first.body)
    expect(second.headers['x-cache']).toBe('HIT')
    expect(second.headers['content-security-policy']).toBe("default-src 'self'")
    expect(renders).toEqual(['hoi-nghi'])
    expect(counted).toEqual(['7 /bai-viet/hoi-nghi'])
  })

  it('leaves to Express what it cannot answer: a query string, a session cookie, an unknown host, a miss', async () => {
    const { get, counted } = await start()
    await get('/bai-viet/dai-hoi')
    await get('/bai-viet/dai-hoi?utm_source=zalo')
    await get('/bai-viet/dai-hoi', { cookie: 'payload-token=abc' })
    await get('/bai-viet/chua-co')
    expect(counted).toEqual([])
    expect((await get('/bai-viet/dai-hoi', { host: 'example.org' })).status).toBe(200)
    expect(counted).toEqual([])
  })
})
