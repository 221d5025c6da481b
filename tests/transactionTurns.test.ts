import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POSTGRES_WRITE_TURNS } from '../src/db/adapter.ts'
import { DATABASE_BUSY_MESSAGE } from '../src/db/sqliteWrites.ts'
import { createTurns } from '../src/db/transactionTurns.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'

const settled = <T>(promise: Promise<T>, ms = 150) => Promise.race([promise.then(() => 'settled' as const), new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))])

describe('turns', () => {
  it('hands out its turns, then one to each waiter in order as turns come back', async () => {
    const turns = createTurns(2)
    const first = await turns.take(1_000)
    await turns.take(1_000)
    const order: string[] = []
    const third = turns.take(1_000).then((release) => (order.push('third'), release))
    const fourth = turns.take(1_000).then((release) => (order.push('fourth'), release))
    expect(await settled(third)).toBe('pending')
    expect(turns.state()).toEqual({ inUse: 2, waiting: 2 })
    first()
    first() // a second release of the same turn gives nothing back
    expect(await settled(third)).toBe('settled')
    expect(await settled(fourth)).toBe('pending')
    ;(await third)()
    await fourth
    expect(order).toEqual(['third', 'fourth'])
    expect(turns.state()).toEqual({ inUse: 2, waiting: 0 })
  })

  it('answers 503 "Hệ thống đang bận" to a waiter past its wait, and leaves the queue to the others', async () => {
    const turns = createTurns(1)
    const only = await turns.take(1_000)
    await expect(turns.take(50)).rejects.toMatchObject({ status: 503, message: DATABASE_BUSY_MESSAGE })
    const patient = turns.take(1_000)
    only()
    await patient
    expect(turns.state()).toEqual({ inUse: 1, waiting: 0 })
  })
})

describe("the database adapter's write transactions", () => {
  let portal: Portal
  beforeAll(async () => {
    portal = await bootPortal()
  }, 120_000)
  afterAll(async () => {
    await portal?.close()
  })

  it('runs at most one at a time on SQLite and POSTGRES_WRITE_TURNS on PostgreSQL; the next begins when one ends', async () => {
    const { db } = portal.payload
    const begin = async () => (await db.beginTransaction())!
    const turns = portal.database.kind === 'sqlite' ? 1 : POSTGRES_WRITE_TURNS
    const open = await Promise.all(Array.from({ length: turns }, begin))
    const next = begin()
    expect(await settled(next)).toBe('pending')
    await db.commitTransaction(open[0]!)
    expect(await settled(next)).toBe('settled')
    const more = begin()
    expect(await settled(more)).toBe('pending')
    await db.rollbackTransaction(open[1] ?? (await next))
    expect(await settled(more)).toBe('settled')
    for (const id of [...open.slice(2), ...(turns > 1 ? [await next] : []), await more]) await db.commitTransaction(id)
  })
})
