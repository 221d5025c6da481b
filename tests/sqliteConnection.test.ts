import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { createSqliteConnection } from '../src/db/sqliteConnection.ts'

// The SQLite connection under Payload's adapter, on a file of its own (whatever TEST_DATABASE is).
let dir: string
let file: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cong-tin-connection-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

let serial = 0
async function connection() {
  file = path.join(dir, `db-${++serial}.db`)
  const client = createSqliteConnection(file)
  await client.execute('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)')
  return client
}

describe('the SQLite connection keeps its prepared statements', () => {
  it('prepares a statement once and runs it again with other values', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare')
    const client = await connection()
    prepare.mockClear()
    for (const name of ['một', 'hai', 'ba']) await client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: [name] })
    const rows = []
    for (const id of [1, 2, 3]) rows.push((await client.execute({ sql: 'SELECT id, name FROM items WHERE id = ?', args: [id] })).rows[0])
    expect(rows.map((row) => ({ ...row }))).toEqual([
      { id: 1, name: 'một' },
      { id: 2, name: 'hai' },
      { id: 3, name: 'ba' },
    ])
    expect(prepare).toHaveBeenCalledTimes(2)
    client.close()
  })

  it('runs a statement again after it failed, and a transaction around it still commits', async () => {
    const client = await connection()
    const insert = (name: string) => client.execute({ sql: 'INSERT INTO items (name) VALUES (?) RETURNING id', args: [name] })
    await insert('một')
    await expect(insert('một')).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    await client.execute('BEGIN IMMEDIATE')
    await expect(insert('một')).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect((await insert('hai')).rows[0]).toMatchObject({ id: 2 })
    await client.execute('COMMIT')
    expect((await client.execute('SELECT count(*) AS n FROM items')).rows[0]).toMatchObject({ n: 2 })
    client.close()
  })

  it("answers with the table's new columns after the schema changes, by a statement or a script", async () => {
    const client = await connection()
    await client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['một'] })
    expect((await client.execute('SELECT * FROM items')).columns).toEqual(['id', 'name'])
    await client.execute("ALTER TABLE items ADD COLUMN kind TEXT DEFAULT 'tin'")
    expect({ ...(await client.execute('SELECT * FROM items')).rows[0] }).toEqual({ id: 1, name: 'một', kind: 'tin' })
    await client.executeMultiple("ALTER TABLE items ADD COLUMN lang TEXT DEFAULT 'vi'; UPDATE items SET kind = 'văn bản'")
    expect({ ...(await client.execute('SELECT * FROM items')).rows[0] }).toEqual({ id: 1, name: 'một', kind: 'văn bản', lang: 'vi' })
    client.close()
  })
})

describe('plain rows for the read store', () => {
  it('answers the same rows as the client, on the statement the client keeps', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare')
    const client = await connection()
    await client.execute({ sql: 'INSERT INTO items (name) VALUES (?), (?)', args: ['một', 'hai'] })
    const text = 'SELECT id, name, count(*) OVER () AS n FROM items WHERE id >= ? ORDER BY id'
    const fromClient = (await client.execute({ sql: text, args: [1] })).rows.map((row) => ({ ...row }))
    prepare.mockClear()
    const plain = client.selectRows(text, [1])
    expect(plain).toEqual(fromClient)
    expect(plain).toEqual([
      { id: 1, name: 'một', n: 2 },
      { id: 2, name: 'hai', n: 2 },
    ])
    // The client's raw mode and the plain mode take turns on one statement without mixing.
    expect((await client.execute({ sql: text, args: [2] })).rows.map((row) => ({ ...row }))).toEqual([{ id: 2, name: 'hai', n: 1 }])
    expect(client.selectRows(text, [2])).toEqual([{ id: 2, name: 'hai', n: 1 }])
    expect(prepare).not.toHaveBeenCalled()
  })
})
