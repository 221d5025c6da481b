import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { loginCookie } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, PASSWORD } from './helpers/demo.ts'

let portal: Portal
let site: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

describe('cookie authentication and cross-site requests', () => {
  it('ignores the login cookie on a write from a foreign origin', async () => {
    const cookie = await loginCookie(portal.app, demoEmail.editor(HOABINH))
    const foreign = await request(portal.app)
      .post('/api/categories')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({ title: 'Chuyên mục lạ', site: site.id })
    expect(foreign.status).toBe(403)
    const own = await request(portal.app)
      .post('/api/categories')
      .set('Cookie', cookie)
      .set('Origin', 'http://localhost:3000')
      .send({ title: 'Chuyên mục mới', site: site.id })
    expect(own.status).toBe(201)
    const count = await portal.payload.count({ collection: 'categories', where: { title: { equals: 'Chuyên mục lạ' } } })
    expect(count.totalDocs).toBe(0)
  })

  it('ignores a cookie sent with neither Origin nor Sec-Fetch-Site', async () => {
    const cookie = await loginCookie(portal.app, demoEmail.editor(HOABINH))
    const res = await request(portal.app).get('/api/users/me').set('Cookie', cookie)
    expect(res.body.user ?? null).toBeNull()
  })

  it('rejects the old session after logout', async () => {
    const cookie = await loginCookie(portal.app, demoEmail.reporter(HOABINH))
    // Browsers send Sec-Fetch-Site; without it (or an allowed Origin) Payload ignores the cookie.
    const before = await request(portal.app).get('/api/users/me').set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin')
    expect(before.body.user?.email).toBe(demoEmail.reporter(HOABINH))
    const logout = await request(portal.app).post('/api/users/logout').set('Cookie', cookie).set('Origin', 'http://localhost:3000')
    expect(logout.status).toBe(200)
    const after = await request(portal.app).get('/api/users/me').set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin')
    expect(after.body.user ?? null).toBeNull()
  })
})

describe('login attempts', () => {
  it('answers an unknown account and a wrong password alike', async () => {
    const unknown = await request(portal.app).post('/api/users/login').send({ email: 'khongco@congtin.local', password: 'sai-mat-khau' })
    const wrong = await request(portal.app).post('/api/users/login').send({ email: demoEmail.editor(HOABINH), password: 'sai-mat-khau' })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(unknown.body.errors[0].message).toBe(wrong.body.errors[0].message)
  })

  it('locks an account after 100 parallel wrong passwords, even against the right one', async () => {
    const email = demoEmail.pollModerator(HOABINH)
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () => request(portal.app).post('/api/users/login').send({ email, password: 'doan-mo' })),
    )
    expect(attempts.every((res) => res.status >= 400 && res.status < 500)).toBe(true)
    const right = await request(portal.app).post('/api/users/login').send({ email, password: PASSWORD })
    expect(right.status).toBeGreaterThanOrEqual(400)
    expect(right.status).toBeLessThan(500)
    expect(right.body.token).toBeUndefined()
  })
})
