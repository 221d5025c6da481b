import type { Client, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client'

import { APIError } from 'payload'

import { createSqliteConnection, type SqliteValue, sqliteFile } from './sqliteConnection.ts'

/**
 * The libSQL client that the SQLite adapter talks through, with one writer at a time.
 *
 * libSQL's own client has two faults under a server's load (both measured here):
 * - each `transaction()` hands its connection to the transaction and opens a new one for later
 *   queries, without the busy timeout, and never closes the old one: about two open files leak
 *   per write (SQLITE_CANTOPEN after ≈ 9,000 creates);
 * - SQLite takes one writer at a time, and a blocking busy timeout would stall the event loop
 *   (libSQL's calls are synchronous), so concurrent writes failed with SQLITE_BUSY (39 of 40).
 *
 * Here reads run on one long-lived connection, and every write — transactions, batches and single
 * statements — runs on a second long-lived connection, taking turns on an asynchronous lock. A
 * transaction's uncommitted rows stay invisible to readers (separate connections, WAL). A write that
 * meets a lock held by another process (a CLI beside the server) waits for it (see below).
 */
export function createSerializedSqliteClient(url: string, timeoutMs = 10_000): Client & SqliteReads {
  const reader = createSqliteConnection(sqliteFile(url))
  const writer = createSqliteConnection(sqliteFile(url))
  const lock = createAsyncLock()
  // Payload's adapter applies its settings only to a client it makes itself, so they are made here:
  // WAL lets readers go on while one writes; NORMAL sync is safe with WAL (a power cut may lose the
  // last commits, never corrupt). Within this process writers take turns on the lock below, so
  // SQLite's own busy wait only runs while another process (a CLI import, a second server) writes;
  // it blocks the event loop for that long, but a BEGIN refused with SQLITE_BUSY leaves its failed
  // statement open in libSQL until garbage collection, and the next COMMIT on the connection then
  // fails ("SQL statements in progress") — measured: one of two processes' commits lost.
  const ready = (async () => {
    await reader.execute('PRAGMA journal_mode = WAL')
    await reader.execute('PRAGMA journal_size_limit = 67108864')
    for (const connection of [reader, writer]) {
      await connection.execute(`PRAGMA busy_timeout = ${timeoutMs}`)
      await connection.execute('PRAGMA synchronous = NORMAL')
    }
  })()

  /** Runs `work` on the writer connection once it is this caller's turn. */
  async function write<T>(work: () => Promise<T>): Promise<T> {
    await ready
    const release = await lock.acquire(timeoutMs)
    try {
      return await retryWhileBusy(work, timeoutMs)
    } finally {
      release()
    }
  }

  async function transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    await ready
    const release = await lock.acquire(timeoutMs)
    try {
      await retryWhileBusy(() => writer.execute(beginStatement(mode)), timeoutMs)
    } catch (error) {
      release()
      throw error
    }
    let open = true
    const betweenStatements = createTimeSlice()
    const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return
      open = false
      try {
        await writer.execute(statement)
      } catch (error) {
        // Never hand the next writer a connection still inside this transaction. Said here too,
        // because Payload's SQL adapters drop an error thrown by COMMIT.
        await writer.execute('ROLLBACK').catch(() => {})
        console.error(`SQLite ${statement} failed, the transaction was rolled back: ${(error as Error).message}`)
        throw error
      } finally {
        release()
      }
    }
    const ensureOpen = () => {
      if (!open) throw new Error('The transaction is closed')
    }
    return {
      async execute(statement: InStatement | string, args?: InArgs) {
        await betweenStatements()
        ensureOpen()
        return writer.execute(toStatement(statement, args))
      },
      async batch(statements: InStatement[]) {
        const results: ResultSet[] = []
        for (const statement of statements) {
          await betweenStatements()
          ensureOpen()
          results.push(await writer.execute(statement))
        }
        return results
      },
      async executeMultiple(sql: string) {
        for (const statement of sql.split(';').filter((part) => part.trim())) {
          await betweenStatements()
          ensureOpen()
          await writer.execute(statement)
        }
      },
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => void end('ROLLBACK').catch(() => {}),
      get closed() {
        return !open
      },
    } as Transaction
  }

  return {
    async execute(statement: InStatement | string, args?: InArgs) {
      await ready
      const { sql } = toStatement(statement, args)
      const run = (client: Client) => client.execute(toStatement(statement, args))
      if (isRead(sql)) return run(reader)
      if (isPragma(sql)) {
        // Connection settings go to both connections. On the writer through exec(): a PRAGMA that answers a row (analysis_limit) otherwise stays
        // "in progress" in libSQL, and the next COMMIT on that connection fails.
        if (!/busy_timeout/i.test(sql)) await write(() => writer.executeMultiple(sql))
        return run(reader)
      }
      return write(() => run(writer))
    },
    batch: (statements: InStatement[], mode?: TransactionMode) => write(() => writer.batch(statements, mode)),
    migrate: (statements: InStatement[]) => write(() => writer.migrate(statements)),
    executeMultiple: (sql: string) => write(() => writer.executeMultiple(sql)),
    transaction,
    async selectRows(sql: string, args: readonly SqliteValue[]) {
      await ready
      if (!isRead(sql)) throw new TypeError('selectRows runs SELECT statements only')
      return reader.selectRows(sql, args)
    },
    sync: () => reader.sync(),
    close() {
      reader.close()
      writer.close()
    },
    get closed() {
      return reader.closed
    },
    protocol: 'file',
  } as Client & SqliteReads
}

/** What the read store asks of the SQLite client besides libSQL's interface: rows without the client's result set. */
export type SqliteReads = {
  selectRows: (sql: string, args: readonly SqliteValue[]) => Promise<Record<string, unknown>[]>
}

function toStatement(statement: InStatement | string, args?: InArgs): Exclude<InStatement, string> {
  return typeof statement === 'string' ? { sql: statement, args: args ?? [] } : statement
}

/** Longest stretch a transaction runs without letting waiting requests in. */
const WRITE_SLICE_MS = 2

/**
 * Lets the requests already waiting be read before a transaction's next statement, once the
 * transaction has had the thread for WRITE_SLICE_MS. libSQL answers synchronously and Payload runs
 * a whole create (hooks included) inside its transaction, so without this one publish held the
 * server's thread for its whole length (tens of milliseconds) and cached pages waited behind every
 * write: 20 editors publishing back to back left ≈ 100 page views/s. Yielding before every
 * statement instead kept the lock so long (each turn serves every waiting page) that, on a loaded
 * machine, writers at the back of the queue passed DATABASE_WAIT_MS.
 */
function createTimeSlice() {
  let since = performance.now()
  return async function betweenStatements(): Promise<void> {
    if (performance.now() - since < WRITE_SLICE_MS) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

const isRead = (sql: string) => /^\s*select\b/i.test(sql)
const isPragma = (sql: string) => /^\s*pragma\b/i.test(sql)

function beginStatement(mode: TransactionMode): string {
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY'
  if (mode === 'deferred') return 'BEGIN DEFERRED'
  return 'BEGIN IMMEDIATE'
}

export const DATABASE_BUSY_MESSAGE = 'Hệ thống đang bận, vui lòng thử lại sau ít giây.'
/** What a write that waited past its turn throws: 503 where it reaches the API unwrapped (see src/db/busy.ts). */
const busy = () => new APIError(DATABASE_BUSY_MESSAGE, 503, undefined, true)

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
      // The next writer starts after the requests already waiting have been read. libSQL answers
      // synchronously, so without this a queue of writers ran back to back in one chain of
      // microtasks and no request was served until the queue was empty (20 publishing editors:
      // cached pages waited up to 2 s each, ~10 page views/s).
      return () => setImmediate(release)
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
