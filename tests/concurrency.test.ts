import fs from 'node:fs'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createAsyncLock } from '../src/db/sqliteWrites.ts'
import { loginAs } from './helpers/api.ts'
import { createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { testDatabaseKind } from './helpers/testDatabase.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'

let portal: Portal
let site: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

describe('concurrent writes', () => {
  it('saves 40 articles created at the same time, each once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) => createArticle(portal.payload, { title: `Bài song song số ${index}`, site: site.id, _status: 'published' })),
    )
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const count = await portal.payload.count({ collection: 'articles', where: { title: { like: 'Bài song song số' } } })
    expect(count.totalDocs).toBe(40)
  })

  it('answers 20 editors saving at once through REST without a server error', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        request(portal.app).post('/api/articles').set('Authorization', editor).send({ title: `Bài qua API số ${index}`, site: site.id }),
      ),
    )
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201))
    // Each save is stored once, as sent, on its site; no two got the same slug.
    const stored = await portal.payload.find({ collection: 'articles', where: { title: { like: 'Bài qua API số' } }, draft: true, limit: 100, depth: 0 })
    expect(stored.docs.map((doc) => doc.title).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `Bài qua API số ${index}`).sort())
    expect(new Set(stored.docs.map((doc) => doc.slug)).size).toBe(20)
    for (const doc of stored.docs) expect(doc.site).toBe(site.id)
  })
})

describe('database connections', () => {
  const openFiles = () => fs.readdirSync('/proc/self/fd').length

  it('keeps the number of open files flat over 150 writes', async () => {
    await createArticle(portal.payload, { title: 'Bài khởi động', site: site.id })
    const before = openFiles()
    for (let index = 0; index < 150; index++) {
      await createArticle(portal.payload, { title: `Bài nối tiếp số ${index}`, site: site.id })
    }
    // libSQL used to leak about two descriptors per write transaction on SQLite (≈ 300 here).
    expect(openFiles() - before).toBeLessThan(15)
  })

  it('lets readers go on while a write transaction is open, without showing its rows before it commits', async () => {
    if (testDatabaseKind() === 'sqlite') {
      // Without WAL, one open write transaction would block every page view of the portal.
      const client = (portal.payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
      expect((await client.execute('PRAGMA journal_mode')).rows[0].journal_mode).toBe('wal')
    }
    const transactionID = await portal.payload.db.beginTransaction()
    expect(transactionID).toBeTruthy()
    const req = { transactionID } as Parameters<typeof portal.payload.create>[0]['req']
    try {
      await createArticle(portal.payload, { title: 'Bài chưa lưu xong', site: site.id }, { req })
      const inside = await portal.payload.count({ collection: 'articles', where: { title: { equals: 'Bài chưa lưu xong' } }, req })
      const outside = await portal.payload.count({ collection: 'articles', where: { title: { equals: 'Bài chưa lưu xong' } } })
      expect([inside.totalDocs, outside.totalDocs]).toEqual([1, 0])
    } finally {
      await portal.payload.db.rollbackTransaction(transactionID!)
    }
    const after = await portal.payload.count({ collection: 'articles', where: { title: { equals: 'Bài chưa lưu xong' } } })
    expect(after.totalDocs).toBe(0)
  })
})

describe('the write lock', () => {
  it("lets other requests in between a publish's statements instead of holding the server's thread to the end", async () => {
    // A heartbeat on the event loop's check phase: it beats each time waiting I/O could be served.
    let beats = 0
    let beating = true
    const beat = () => {
      beats++
      if (beating) setImmediate(beat)
    }
    setImmediate(beat)
    await createArticle(portal.payload, { title: 'Bài đăng giữa lúc đọc', site: site.id, _status: 'published' })
    beating = false
    // On SQLite libSQL answers synchronously: a publish (tens of ms) ran start to end in one chain of
    // microtasks, 0 beats. Now it lets go every 2 ms of its thread (src/db/sqliteWrites.ts).
    expect(beats).toBeGreaterThanOrEqual(3)
  })

  it('hands out turns in order and lets a waiter give up without breaking the queue', async () => {
    const lock = createAsyncLock()
    const order: string[] = []
    const releaseFirst = await lock.acquire(1000)
    const second = lock.acquire(1000).then((release) => {
      order.push('second')
      release()
    })
    await expect(lock.acquire(20)).rejects.toThrow('Hệ thống đang bận')
    order.push('first')
    releaseFirst()
    await second
    const third = await lock.acquire(1000)
    third()
    expect(order).toEqual(['first', 'second'])
  })
})
