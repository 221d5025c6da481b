import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'
import { testDatabaseKind } from './helpers/testDatabase.ts'

let portal: Portal
let site: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { DATABASE_WAIT_MS: '1500' } })
  site = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

type Pool = { connect: () => Promise<{ release: () => void }> }

/** Holds what a write needs from the database: SQLite's one writer turn, or every pooled PostgreSQL connection. */
async function occupyDatabase(): Promise<() => Promise<void>> {
  if (testDatabaseKind() === 'postgres') {
    const pool = (portal.payload.db as unknown as { pool: Pool }).pool
    const clients: { release: () => void }[] = []
    // Take connections until the pool has none left to give (its wait is DATABASE_WAIT_MS).
    for (;;) {
      const client = await pool.connect().catch(() => undefined)
      if (!client) break
      clients.push(client)
    }
    expect(clients.length).toBeGreaterThan(0)
    return async () => clients.forEach((client) => client.release())
  }
  const transactionID = await portal.payload.db.beginTransaction()
  return async () => void (await portal.payload.db.rollbackTransaction(transactionID!))
}

describe('a database too busy to take a write', () => {
  it('answers 503 with a Vietnamese message past DATABASE_WAIT_MS, writes nothing, and takes the same save once free', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const release = await occupyDatabase()
    let busy: request.Response
    try {
      busy = await request(portal.app).post('/api/articles').set('Authorization', editor).send({ title: 'Bài gửi lúc bận', site: site.id })
    } finally {
      await release()
    }
    expect(busy.status).toBe(503)
    expect(busy.headers['retry-after']).toBe('5')
    expect(busy.body.errors[0].message).toBe('Hệ thống đang bận, vui lòng thử lại sau ít giây.')
    expect(JSON.stringify(busy.body)).not.toMatch(/stack|at async/)
    const stored = await portal.payload.count({ collection: 'articles', where: { title: { equals: 'Bài gửi lúc bận' } } })
    expect(stored.totalDocs).toBe(0)

    const retried = await request(portal.app).post('/api/articles').set('Authorization', editor).send({ title: 'Bài gửi lúc bận', site: site.id })
    expect(retried.status).toBe(201)
  })
})
