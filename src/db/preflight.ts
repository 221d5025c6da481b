import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { databaseKind } from './adapter.ts'

/** The database could not be reached; the message is one line meant for the operator. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`
  } catch {
    return url.split('@').pop() ?? url
  }
}

/**
 * Connects once before Payload starts, so that a wrong or unreachable DATABASE_URL
 * stops the process with a single clear line instead of a driver's stack trace.
 */
export async function checkDatabase(url: string, timeoutMs = 5_000): Promise<void> {
  const kind = databaseKind(url)
  if (kind === 'sqlite') {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)
    const dir = path.dirname(path.resolve(file))
    try {
      fs.mkdirSync(dir, { recursive: true })
      fs.accessSync(dir, fs.constants.W_OK)
    } catch {
      throw new DatabaseUnavailableError(`cannot write the SQLite database folder ${dir}`)
    }
    return
  }
  if (kind === 'postgres') {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.query('select 1')
    } catch (error) {
      throw new DatabaseUnavailableError(`cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as Error).message}`)
    } finally {
      await client.end().catch(() => {})
    }
    return
  }
  const { default: mongoose } = await import('mongoose')
  const connection = mongoose.createConnection(url, { serverSelectionTimeoutMS: timeoutMs })
  try {
    await connection.asPromise()
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot connect to MongoDB at ${describeUrl(url)}: ${(error as Error).message}`)
  } finally {
    await connection.close().catch(() => {})
  }
}
