import crypto from 'node:crypto'

import pg from 'pg'

export type TestDatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export type TestDatabase = { kind: TestDatabaseKind; url: string; drop: () => Promise<void> }

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.TEST_DATABASE || 'sqlite'
  if (kind !== 'sqlite' && kind !== 'postgres' && kind !== 'mongodb') throw new Error(`Unknown TEST_DATABASE "${kind}"`)
  return kind
}

const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

/** A database of its own for one test file: created empty, dropped afterwards. */
export async function createTestDatabase(tmpDir: string): Promise<TestDatabase> {
  const kind = testDatabaseKind()
  const name = `congtin_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  if (kind === 'sqlite') {
    return { kind, url: `file:${tmpDir}/${name}.db`, drop: async () => {} }
  }
  if (kind === 'postgres') {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`))
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = `/${name}`
    return {
      kind,
      url: url.toString(),
      drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
    }
  }
  const mongoUrl = process.env.TEST_MONGODB_URL
  if (!mongoUrl) throw new Error('TEST_DATABASE=mongodb needs TEST_MONGODB_URL')
  const url = new URL(mongoUrl)
  url.pathname = `/${name}`
  return {
    kind,
    url: url.toString(),
    drop: async () => {
      const { default: mongoose } = await import('mongoose')
      const connection = await mongoose.createConnection(url.toString()).asPromise()
      await connection.dropDatabase()
      await connection.close()
    },
  }
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
