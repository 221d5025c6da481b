import type { Express } from 'express'

import request from 'supertest'
import { expect } from 'vitest'

import { PASSWORD } from './demo.ts'

/** The one way tests sign a demo user in: through the REST API, as a browser or a client would. */
async function signIn(app: Express, email: string) {
  const res = await request(app).post('/api/users/login').send({ email, password: PASSWORD })
  expect(res.status, `login of ${email}`).toBe(200)
  return res
}

/** Signs a demo user in and returns the Authorization header value. */
export async function loginAs(app: Express, email: string): Promise<string> {
  return `JWT ${(await signIn(app, email)).body.token as string}`
}

/** Signs a demo user in and returns the session cookie (`payload-token=…`), as the admin keeps it. */
export async function loginCookie(app: Express, email: string): Promise<string> {
  return String((await signIn(app, email)).headers['set-cookie']?.[0] ?? '').split(';')[0]!
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
