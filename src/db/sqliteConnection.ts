import type { Client } from '@libsql/client'

import path from 'node:path'

import { Sqlite3Client } from '@libsql/client/sqlite3'
import Database from 'libsql'

type Statement = Database.Statement<unknown[]>

/** Statements kept per connection; Payload and the read store use a few hundred distinct ones. */
const STATEMENTS_KEPT = 1_000

/** Statements that change the schema (or ask about it) are prepared afresh and empty the cache. */
const SCHEMA_STATEMENT = /^\s*(create|drop|alter|vacuum|attach|detach|reindex|analyze|pragma)\b/i

/** The file behind a `file:` DATABASE_URL. */
export function sqliteFile(url: string): string {
  return path.resolve(url.slice('file:'.length).split('?')[0]!)
}

/**
 * A libSQL client on one connection to the SQLite file, like `createClient({ url })`, whose
 * prepared statements are kept and reused. libSQL's client prepares every statement again on each
 * call and asks each twice for its columns: on the citizens' form that was about a fifth of the
 * server's time per submission (measured with `npm run bench:forms`).
 */
export function createSqliteConnection(file: string): SqliteConnection {
  const db = new Database(file)
  keepStatements(db)
  const client = new Sqlite3Client(file, {}, db, 'number') as unknown as SqliteConnection
  client.selectRows = (sql, args) => selectRows(db, sql, args)
  return client
}

/** Plain values SQLite takes as parameters. */
export type SqliteValue = bigint | null | number | string | Uint8Array

export type SqliteConnection = Client & {
  /**
   * A SELECT's rows as plain objects, run synchronously on this connection's kept statement.
   * The client's `execute` builds a result set whose every row is an array with a getter per
   * column: on a register page of 100,000 documents that was a tenth of the server's time.
   */
  selectRows: (sql: string, args: readonly SqliteValue[]) => Record<string, unknown>[]
}

function selectRows(db: Database.Database, sql: string, args: readonly SqliteValue[]): Record<string, unknown>[] {
  // Integers as numbers, as the client's 'number' mode gives them (the client also refuses those past 2^53).
  return db.prepare(sql).raw(false).safeIntegers(false).all(...args) as Record<string, unknown>[]
}

/**
 * Makes `db.prepare` return the statement kept for the same SQL. libSQL resets a statement before
 * each run, so a kept one is safe to run again; a statement whose run failed is dropped anyway, so
 * that nothing left half-run is ever reused. Each run is synchronous, so two callers never share a
 * statement at the same time.
 */
function keepStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db)
  const exec = db.exec.bind(db)
  const kept = new Map<string, KeptStatement>()
  db.prepare = ((sql: string) => {
    const statement = kept.get(sql)
    if (statement) return statement
    if (SCHEMA_STATEMENT.test(sql)) {
      kept.clear()
      return prepare(sql)
    }
    // The oldest goes first: kept statements are the few a server runs again and again.
    if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!)
    const fresh: KeptStatement = new KeptStatement(prepare(sql), () => kept.get(sql) === fresh && kept.delete(sql))
    kept.set(sql, fresh)
    return fresh
  }) as typeof db.prepare
  // Migrations and scripts run through exec(): what the kept statements knew of the schema may be old.
  db.exec = ((sql: string) => {
    kept.clear()
    return exec(sql)
  }) as typeof db.exec
}

const NOT_A_READER = new TypeError('This statement does not return data')

/**
 * A prepared statement as libSQL's client uses it (raw mode, safe integers, its columns), with what
 * does not change between runs asked of the native side once.
 */
class KeptStatement {
  readonly reader: boolean
  #columns: Database.ColumnDefinition[] | undefined
  #raw: boolean | undefined
  #safeIntegers: boolean | undefined

  constructor(
    readonly statement: Statement,
    readonly forget: () => void,
  ) {
    this.reader = statement.reader
  }

  raw(toggle = true) {
    // libSQL refuses raw mode for a statement that returns nothing; its client relies on that.
    if (!this.reader) throw NOT_A_READER
    if (this.#raw !== toggle) this.statement.raw((this.#raw = toggle))
    return this
  }

  safeIntegers(toggle = true) {
    if (this.#safeIntegers !== toggle) this.statement.safeIntegers((this.#safeIntegers = toggle))
    return this
  }

  columns() {
    return (this.#columns ??= this.statement.columns())
  }

  all(...parameters: unknown[]) {
    return this.#failing(() => this.statement.all(...parameters))
  }

  run(...parameters: unknown[]) {
    return this.#failing(() => this.statement.run(...parameters))
  }

  get(...parameters: unknown[]) {
    return this.#failing(() => this.statement.get(...parameters))
  }

  #failing<T>(work: () => T): T {
    try {
      return work()
    } catch (error) {
      this.forget()
      throw error
    }
  }
}
