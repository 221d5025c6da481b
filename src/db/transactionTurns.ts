import type { BaseDatabaseAdapter } from 'payload'

import { APIError } from 'payload'

import { DATABASE_BUSY_MESSAGE } from './sqliteWrites.ts'

type TransactionID = Awaited<ReturnType<BaseDatabaseAdapter['beginTransaction']>>

/**
 * Lets at most `limit` write transactions run at once on the adapter; later ones wait their turn
 * (first come, first served) for up to `waitMs`, then fail with 503 "Hệ thống đang bận…", as a
 * write that waits too long does on SQLite.
 *
 * Why: Payload runs a whole create (hooks, versions, the read model's rendering) inside its
 * transaction, on the server's one thread. With twenty publishes under way at once, each turn of
 * the event loop ran a step of every one of them before it read the next request, and cached pages
 * waited about 100 ms for their turn. A publish waiting here costs nothing; its request has been
 * read in full already (Payload reads the body, uploads included, before it begins), so a slow
 * sender never holds a turn.
 */
export function takeTurnsForTransactions<T extends BaseDatabaseAdapter>(adapter: T, limit: number, waitMs: number): T {
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  const turns = createTurns(limit)
  const held = new Map<number | string, () => void>()
  const giveBack = async (incoming: Parameters<T['commitTransaction']>[0]) => {
    const id = await incoming
    held.get(id)?.()
    held.delete(id)
  }

  adapter.beginTransaction = async (options) => {
    const release = await turns.take(waitMs)
    let id: TransactionID
    try {
      id = await begin(options)
    } catch (error) {
      release()
      throw error
    }
    if (id === null) release()
    else held.set(id, release)
    return id
  }
  adapter.commitTransaction = async (id) => {
    try {
      await commit(id)
    } finally {
      await giveBack(id)
    }
  }
  adapter.rollbackTransaction = async (id) => {
    try {
      await rollback(id)
    } finally {
      await giveBack(id)
    }
  }
  return adapter
}

/** `limit` turns handed out first come, first served; a waiter gives up after `waitMs` (503). */
export function createTurns(limit: number) {
  let free = limit
  const waiting: { admit: () => void }[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next.admit()
    else free++
  }
  return {
    take(waitMs: number): Promise<() => void> {
      let released = false
      const once = () => {
        if (released) return
        released = true
        release()
      }
      if (free > 0) {
        free--
        return Promise.resolve(once)
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          admit: () => {
            clearTimeout(timer)
            resolve(once)
          },
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1)
          reject(new APIError(DATABASE_BUSY_MESSAGE, 503, undefined, true))
        }, waitMs)
        waiting.push(waiter)
      })
    },
    /** Turns in use and writers waiting, for tests and metrics. */
    state: () => ({ inUse: limit - free, waiting: waiting.length }),
  }
}
