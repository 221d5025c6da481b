import type { Express } from 'express'

import request from 'supertest'
import { expect } from 'vitest'

import { PASSWORD } from './demo.ts'

/** Logs a demo user in through the REST API and returns the Authorization header value. */
export async function loginAs(app: Express, email: string): Promise<string> {
  const res = await request(app).post('/api/users/login').send({ email, password: PASSWORD })
  expect(res.status, `login of ${email}`).toBe(200)
  return `JWT ${res.body.token as string}`
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
