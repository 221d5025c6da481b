import type { IncomingMessage } from 'node:http'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { insecureServerUrlWarning, readEnv } from '../src/config/env.ts'
import { EMBED_ORIGINS, toEmbedUrl } from '../src/lib/videoEmbed.ts'
import { addressKey, clientAddress, parseProxyTrust } from '../src/server/clientAddress.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { HOABINH } from './helpers/demo.ts'
import { portalEnv, startServerProcess } from './helpers/portalProcess.ts'

let portal: Portal

beforeAll(async () => {
  // Served over https behind one proxy, as a province's portal is.
  portal = await bootPortal({ seed: true, env: { TRUST_PROXY: '1', SERVER_URL: 'https://localhost' } })
})
afterAll(async () => {
  await portal?.close()
})

const directive = (csp: string, name: string) => csp.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `))

describe('security headers (helmet)', () => {
  it('public pages keep the strict CSP and allow frames exactly from the embed hosts', async () => {
    const res = await request(portal.app).get('/').set('Host', HOABINH.hosts[0]!)
    const csp = res.headers['content-security-policy'] as string
    expect(directive(csp, 'default-src')).toBe("default-src 'self'")
    expect(directive(csp, 'script-src')).toBe("script-src 'self'")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
    expect(directive(csp, 'frame-src')).toBe(`frame-src ${EMBED_ORIGINS.join(' ')}`)
    for (const link of ['https://www.youtube.com/watch?v=abc', 'https://youtu.be/abc', 'https://www.facebook.com/x/videos/1']) {
      expect(EMBED_ORIGINS).toContain(new URL(toEmbedUrl(link)!).origin)
    }
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  it('the admin and API get their own CSP', async () => {
    const res = await request(portal.app).get('/admin/login')
    const csp = res.headers['content-security-policy'] as string
    expect(directive(csp, 'default-src')).toBe("default-src 'self'")
    expect(directive(csp, 'object-src')).toBe("object-src 'none'")
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self'")
    const api = await request(portal.app).get('/api/articles')
    expect(api.headers['content-security-policy']).toBe(csp)
  })

  it('each site serves a favicon', async () => {
    const res = await request(portal.app).get('/favicon.ico').set('Host', HOABINH.hosts[0]!)
    expect(res.status).toBe(302)
    const icon = await request(portal.app).get(res.headers.location!).set('Host', HOABINH.hosts[0]!)
    expect(icon.status).toBe(200)
    expect(icon.headers['content-type']).toMatch(/^image\//)
  })
})

describe('https and the warning line', () => {
  it('HSTS only when SERVER_URL is https', async () => {
    // The running portal (SERVER_URL https): pages, the API and the admin all carry it.
    for (const path of ['/', '/api/users/me', '/admin/login']) {
      const res = await request(portal.app).get(path).set('Host', 'localhost')
      expect(res.headers['strict-transport-security'], path).toBe('max-age=31536000')
    }
    const { securityHeaders } = await import('../src/server/securityHeaders.ts')
    const express = (await import('express')).default
    const plain = express().use(securityHeaders({ https: false })).get('/', (_req, res) => res.send('ok'))
    expect((await request(plain).get('/')).headers['strict-transport-security']).toBeUndefined()
  })

  it('names a plain-http SERVER_URL on another machine in production, only there', () => {
    const warning = (url: string, production = true) => insecureServerUrlWarning({ isProduction: production, serverUrl: url })
    expect(warning('http://congtin.hoabinh.gov.vn')).toMatch(/^SERVER_URL http:\/\/congtin\.hoabinh\.gov\.vn is plain http/)
    expect(warning('https://congtin.hoabinh.gov.vn')).toBeUndefined()
    expect(warning('http://localhost:3000')).toBeUndefined()
    expect(warning('http://127.0.0.1:3000')).toBeUndefined()
    expect(warning('http://congtin.hoabinh.gov.vn', false)).toBeUndefined()
  })

  it('the production server (`npm start`) prints that warning once at start, and none for an https SERVER_URL', async () => {
    /** What the server wrote between starting and stopping, its lines naming SERVER_URL. */
    const linesAtStart = async (serverUrl: string) => {
      const server = await startServerProcess({ ...portalEnv(), SERVER_URL: serverUrl })
      server.child.kill('SIGTERM')
      const { stdout, stderr } = await server.finished
      return `${stdout}\n${stderr}`.split('\n').filter((line) => line.includes('SERVER_URL'))
    }
    const [plain, secure] = await Promise.all([linesAtStart('http://portal.example.vn'), linesAtStart('https://portal.example.vn')])
    expect(plain).toHaveLength(1)
    expect(plain[0]).toContain('SERVER_URL http://portal.example.vn is plain http')
    expect(secure).toEqual([])
  }, 120_000)
})

describe('TRUST_PROXY', () => {
  const req = (remote: string, forwarded?: string) =>
    ({ socket: { remoteAddress: remote }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage

  it('defaults to loopback: a stranger cannot choose their address with X-Forwarded-For', () => {
    const trust = parseProxyTrust(undefined)
    expect(clientAddress(req('203.0.113.9', '10.0.0.1'), trust)).toBe('203.0.113.9')
    expect(clientAddress(req('127.0.0.1', '203.0.113.9'), trust)).toBe('203.0.113.9')
    expect(clientAddress(req('::ffff:127.0.0.1', '1.1.1.1, 203.0.113.9'), trust)).toBe('203.0.113.9')
  })

  it('a hop count trusts that many proxies, whatever their address', () => {
    expect(clientAddress(req('10.9.9.9', '1.1.1.1, 203.0.113.9'), parseProxyTrust('1'))).toBe('203.0.113.9')
    expect(clientAddress(req('10.9.9.9', '1.1.1.1, 203.0.113.9'), parseProxyTrust('2'))).toBe('1.1.1.1')
    expect(clientAddress(req('10.9.9.9', '1.1.1.1'), parseProxyTrust('0'))).toBe('10.9.9.9')
  })

  it('addresses and subnets trust exactly those proxies', () => {
    const trust = parseProxyTrust('10.0.0.0/8, 192.168.1.5')
    expect(clientAddress(req('10.2.3.4', '198.51.100.7'), trust)).toBe('198.51.100.7')
    expect(clientAddress(req('192.168.1.6', '198.51.100.7'), trust)).toBe('192.168.1.6')
    expect(() => readEnv({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/)
  })

  it('Express uses the same trust: req.ip and req.secure behind one proxy', async () => {
    const res = await request(portal.app).get('/api/users/me').set('X-Forwarded-For', '203.0.113.50').set('X-Forwarded-Proto', 'https')
    expect(res.status).toBe(200)
    expect(portal.app.get('trust proxy fn')('10.0.0.1', 0)).toBe(true)
    expect(portal.app.get('trust proxy fn')('10.0.0.1', 1)).toBe(false)
  })

  it('IPv6 readers are keyed by their /64, IPv4 by the address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
  })
})
