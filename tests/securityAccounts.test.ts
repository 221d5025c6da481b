import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from '../src/access/loginLimits.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM, PASSWORD } from './helpers/demo.ts'

let portal: Portal
let site: Site
let admin: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  admin = await loginAs(portal.app, demoEmail.admin)
})
afterAll(async () => {
  await portal?.close()
})

/** A login from a reader at `address` (the test connects over loopback, a trusted proxy by default). */
const loginFrom = (address: string, email: string, password: string) =>
  request(portal.app).post('/api/users/login').set('X-Forwarded-For', address).send({ email, password })

describe('password policy', () => {
  const newUser = (email: string, password: string) =>
    request(portal.app).post('/api/users').set('Authorization', admin).send({ email, password, name: 'Người mới', role: 'reporter', sites: [{ site: site.id }] })

  it('refuses a password under 12 characters or on the common list, on create', async () => {
    const short = await newUser('ngan@congtin.local', 'Ngan@2026')
    expect(short.status).toBe(400)
    expect(JSON.stringify(short.body)).toMatch(/ít nhất 12 ký tự/)
    const common = await newUser('phobien@congtin.local', 'Password1234')
    expect(common.status).toBe(400)
    expect(JSON.stringify(common.body)).toMatch(/quá phổ biến/)
    expect((await portal.payload.count({ collection: 'users', where: { email: { in: ['ngan@congtin.local', 'phobien@congtin.local'] } } })).totalDocs).toBe(0)
    const good = await newUser('tot@congtin.local', 'Mây trắng bay qua đèo')
    expect(good.status).toBe(201)
  })

  it('refuses a weak password on change, by the user themselves', async () => {
    const email = demoEmail.reporter(KONTUM)
    const token = await loginAs(portal.app, email)
    const me = await request(portal.app).get('/api/users/me').set('Authorization', token)
    const weak = await request(portal.app).patch(`/api/users/${me.body.user.id}`).set('Authorization', token).send({ password: 'ngan' })
    expect(weak.status).toBe(400)
    expect((await loginFrom('198.51.100.20', email, PASSWORD)).status).toBe(200)
    const strong = await request(portal.app).patch(`/api/users/${me.body.user.id}`).set('Authorization', token).send({ password: 'Sông Đà mùa nước lớn 2026' })
    expect(strong.status).toBe(200)
    expect((await loginFrom('198.51.100.20', email, 'Sông Đà mùa nước lớn 2026')).status).toBe(200)
  })
})

describe('a password set through a reset link', () => {
  it('is held to the same policy; a refused one changes nothing, a good one is taken', async () => {
    const email = demoEmail.editor(KONTUM)
    const token = await portal.payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true })
    const weak = await request(portal.app).post('/api/users/reset-password').send({ token, password: 'abc' })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toMatch(/ít nhất 12 ký tự/)
    expect((await loginFrom('198.51.100.30', email, 'abc')).status).toBe(401)
    expect((await loginFrom('198.51.100.30', email, PASSWORD)).status).toBe(200)
    const strong = await request(portal.app).post('/api/users/reset-password').send({ token, password: 'Đồi chè Tân Lạc buổi sớm' })
    expect(strong.status, JSON.stringify(strong.body)).toBe(200)
    expect((await loginFrom('198.51.100.31', email, 'Đồi chè Tân Lạc buổi sớm')).status).toBe(200)
  })
})

describe('login attempts are limited per address and per account and address', () => {
  it('a stranger exhausts their own tries at an editor; the editor still logs in from elsewhere', async () => {
    const email = demoEmail.editor(HOABINH)
    const attempts = await Promise.all(Array.from({ length: 20 }, () => loginFrom('203.0.113.7', email, 'doan-mo-mat-khau')))
    const statuses = attempts.map((res) => res.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_LIMIT.points)
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - ACCOUNT_LIMIT.points)
    const strangerRight = await loginFrom('203.0.113.7', email, PASSWORD)
    expect(strangerRight.status).toBe(429)
    expect(strangerRight.body.token).toBeUndefined()
    expect(strangerRight.body.errors[0].message).toMatch(/Đăng nhập sai quá nhiều lần/)
    const owner = await loginFrom('198.51.100.4', email, PASSWORD)
    expect(owner.status).toBe(200)
    expect(owner.body.token).toEqual(expect.any(String))
  })

  it('one address trying many accounts runs into the address limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < ADDRESS_LIMIT.points + 3; i++) statuses.push((await loginFrom('203.0.113.99', `khach${i}@congtin.local`, 'sai-mat-khau-1')).status)
    expect(statuses.slice(0, ADDRESS_LIMIT.points).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(ADDRESS_LIMIT.points)).toEqual([429, 429, 429])
  })

  it('IPv6 addresses of one /64 share their limit; the header cannot be set by the client', async () => {
    const email = demoEmail.pollModerator(KONTUM)
    for (let i = 0; i < ACCOUNT_LIMIT.points; i++) expect((await loginFrom(`2001:db8:7:7::${i + 1}`, email, 'sai-mat-khau-2')).status).toBe(401)
    expect((await loginFrom('2001:db8:7:7:ffff::1', email, PASSWORD)).status).toBe(429)
    const spoofed = await request(portal.app)
      .post('/api/users/login')
      .set('X-Forwarded-For', '2001:db8:7:7::9')
      .set('X-Congtin-Client-Address', '192.0.2.1')
      .send({ email, password: PASSWORD })
    expect(spoofed.status).toBe(429)
    expect((await loginFrom('2001:db8:7:8::1', email, PASSWORD)).status).toBe(200)
  })
})
