import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { DEVICE_COOKIE, DEVICE_COOKIE_PATH } from '../src/access/knownDevices.ts'
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, UNKNOWN_DEVICES_LIMIT } from '../src/access/loginLimits.ts'
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

  it('guessing spread over many addresses holds strangers back, never the browser that signed in before', async () => {
    const email = demoEmail.reporter(HOABINH)
    const first = await loginFrom('198.51.100.20', email, PASSWORD)
    expect(first.status).toBe(200)
    const setCookie = ([] as string[]).concat(first.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))!
    expect(setCookie).toContain(`Path=${DEVICE_COOKIE_PATH}`)
    expect(setCookie).toContain('HttpOnly')
    const device = setCookie.split(';')[0]!

    // One wrong try from each of many addresses: no address and no account-and-address limit is reached.
    for (let i = 0; i < UNKNOWN_DEVICES_LIMIT.points; i++) expect((await loginFrom(`10.77.${i >> 8}.${i & 255}`, email, 'doan-mo-mat-khau')).status).toBe(401)
    const stranger = await loginFrom('10.78.0.1', email, PASSWORD)
    expect(stranger.status).toBe(429)
    expect(stranger.body.token).toBeUndefined()
    expect(stranger.body.errors[0].message).toMatch(/^Tài khoản này đang bị thử mật khẩu từ nhiều nơi/)
    // A forged or another account's token is no known device.
    const forged = await loginFrom('10.78.0.2', email, PASSWORD).set('Cookie', `${DEVICE_COOKIE}=AAAAAAAAAAAA.${'A'.repeat(27)}`)
    expect(forged.status).toBe(429)
    const editorLogin = await loginFrom('198.51.100.22', demoEmail.pollModerator(HOABINH), PASSWORD)
    expect(editorLogin.status, editorLogin.text).toBe(200)
    const editorDevice = ([] as string[]).concat(editorLogin.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))!
    expect((await loginFrom('10.78.0.3', email, PASSWORD).set('Cookie', editorDevice.split(';')[0]!)).status).toBe(429)

    const owner = await loginFrom('198.51.100.21', email, PASSWORD).set('Cookie', device)
    expect(owner.status).toBe(200)
    expect(owner.body.token).toEqual(expect.any(String))
    // The owner's sign-in clears the count: a stranger's next wrong try is an ordinary 401.
    expect((await loginFrom('10.78.0.4', email, 'doan-mo-mat-khau')).status).toBe(401)
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
