import type { Express } from 'express'

import fs from 'node:fs'
import path from 'node:path'

import request from 'supertest'
import { expect } from 'vitest'

import { env } from '../../src/config/env.ts'
import { PASSWORD } from './demo.ts'

/**
 * Where a test signs in: the Express app of the test's process (driven by supertest), or the
 * origin of a server running in its own process, such as `http://127.0.0.1:<port>`.
 */
export type LoginTarget = Express | string

/** The one way tests sign a demo user in: through the REST API, as a browser or a client would. */
async function signIn(target: LoginTarget, email: string) {
  const res = await request(target).post('/api/users/login').send({ email, password: PASSWORD })
  expect(res.status, `login of ${email}: ${res.text.slice(0, 300)}`).toBe(200)
  return res
}

/** Signs a demo user in and returns the Authorization header value. */
export async function loginAs(target: LoginTarget, email: string): Promise<string> {
  return `JWT ${(await signIn(target, email)).body.token as string}`
}

/** Signs a demo user in and returns the session cookie (`payload-token=…`), as the admin keeps it. */
export async function loginCookie(target: LoginTarget, email: string): Promise<string> {
  return String((await signIn(target, email)).headers['set-cookie']?.[0] ?? '').split(';')[0]!
}

export type GraphQLResult = { status: number; data?: Record<string, any> | null; errors?: { message: string }[] }

export async function graphql(
  app: Express,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<GraphQLResult> {
  const req = request(app).post('/api/graphql').send({ query, variables })
  if (authorization) req.set('Authorization', authorization)
  const res = await req
  return { status: res.status, data: res.body.data, errors: res.body.errors }
}

/** The id Next.js gave the admin's one server action (`serverFunction` in src/app/(payload)/layout.tsx) in this build. */
function adminServerActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { filename: string }> }
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === 'src/app/(payload)/layout.tsx')
  if (!found) throw new Error('the admin server action is not in .next/server/server-reference-manifest.json: run `npm run build`')
  return found[0]
}

/**
 * Calls one of Payload's admin server functions (`schedule-publish`, …) as the admin page does in
 * the browser: a POST to the page with the action's id in `Next-Action`, the arguments encoded as
 * React sends plain JSON, and the session cookie from SERVER_URL's origin.
 */
export function adminServerFunction(app: Express, cookie: string, page: string, name: string, args: Record<string, unknown>) {
  const origin = new URL(env().serverUrl)
  return request(app)
    .post(page)
    .set('Host', origin.host)
    .set('Origin', origin.origin)
    .set('Cookie', cookie)
    .set('Next-Action', adminServerActionId())
    .set('Accept', 'text/x-component')
    .set('Content-Type', 'text/plain;charset=UTF-8')
    .send(JSON.stringify([{ name, args }]))
}
