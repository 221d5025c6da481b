import type { Express } from 'express'
import type { RequestListener } from 'node:http'
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestDatabase } from './testDatabase.ts'

import { createPortal } from '../../src/server/createApp.ts'
import { startNext } from '../../src/server/startNext.ts'
import { startPayload, stopPayload } from '../../src/server/startPayload.ts'
import { seedDemoContent } from '../../src/seed/seed.ts'
import { createTestDatabase } from './testDatabase.ts'

export type Portal = {
  payload: Payload
  app: Express
  /** What the server listens with: the page cache's front door and the request observer around `app`. */
  listener: RequestListener
  database: TestDatabase
  tmpDir: string
  close: () => Promise<void>
}

type BootOptions = {
  /** Write the demo content (two sites, staff of every role, articles) before the tests. */
  seed?: boolean
  env?: Record<string, string>
}

/**
 * The one way tests start the portal: Payload on a fresh database of the adapter chosen by
 * TEST_DATABASE, Next.js's production build for /admin and /api, and the Express app around both.
 * Call once per test file (each file runs in its own process).
 */
export async function bootPortal({ seed = false, env = {} }: BootOptions = {}): Promise<Portal> {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-test-'))
  const database = await createTestDatabase(tmpDir)
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    DATA_DIR: path.join(tmpDir, 'data'),
    MEDIA_DIR: path.join(tmpDir, 'media'),
    SERVER_URL: 'http://localhost:3000',
    LOG_LEVEL: 'warn',
    ...env,
  })
  const payload = await startPayload()
  if (seed) await seedDemoContent(payload)
  const handleNext = await startNext()
  const { app, listener } = createPortal({ payload, handleNext })
  return {
    payload,
    app,
    listener,
    database,
    tmpDir,
    close: async () => {
      await stopPayload(payload)
      await database.drop()
      fs.rmSync(tmpDir, { recursive: true, force: true })
    },
  }
}
