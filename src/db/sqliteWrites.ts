import type { BaseDatabaseAdapter } from 'payload'

import { APIError } from 'payload'

/**
 * SQLite takes one writer at a time. libSQL opens a fresh connection for each transaction, without
 * the busy timeout, and begins it with BEGIN IMMEDIATE: a second concurrent write failed at once
 * with SQLITE_BUSY (measured: 39 of 40 parallel creates). And a blocking busy timeout would stall
 * the event loop, since libSQL's calls are synchronous. So write transactions of this process take
 * turns on an asynchronous lock, and a BEGIN that still meets a lock held by another process (a CLI
 * run beside the server) is retried without blocking, for at most `timeoutMs`.
 */
type TransactionMethods = Pick<BaseDatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>

export function serializeSqliteWrites(db: TransactionMethods, timeoutMs = 10_000): void {
  const lock = createAsyncLock()
  const releases = new Map<number | string, () => void>()
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)

  db.beginTransaction = async (options) => {
    const release = await lock.acquire(timeoutMs)
    try {
      const id = await retryWhileBusy(() => begin(options), timeoutMs)
      if (id === null) release()
      else releases.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }

  const thenRelease =
    (end: (id: number | string) => Promise<void>) =>
    async (incoming: number | Promise<number | string> | string): Promise<void> => {
      const id = await incoming
      try {
        await end(id)
      } finally {
        releases.get(id)?.()
        releases.delete(id)
      }
    }
  db.commitTransaction = thenRelease(commit)
  db.rollbackTransaction = thenRelease(rollback)
}

const busy = () => new APIError('Hệ thống đang bận, vui lòng thử lại sau ít giây.', 503, undefined, true)

/** A first-come, first-served lock; a waiter gives up after `timeoutMs`. */
export function createAsyncLock() {
  let tail: Promise<void> = Promise.resolve()
  return {
    async acquire(timeoutMs: number): Promise<() => void> {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const previous = tail
      tail = tail.then(() => turn)
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
      const outcome = await Promise.race([previous.then(() => 'ready' as const), timedOut])
      clearTimeout(timer)
      if (outcome === 'timeout') {
        // Keep the queue intact: our turn passes straight on when it comes.
        void previous.then(release)
        throw busy()
      }
      return release
    },
  }
}

async function retryWhileBusy<T>(run: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (!/SQLITE_BUSY|database is locked/.test(String((error as Error)?.message)) || Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 2 ** attempt)))
    }
  }
}
