import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { freePort, runEntry, waitForHealthy } from './helpers/serverProcess.ts'

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-process-'))
const SECRET = crypto.randomBytes(32).toString('hex')
const MAIN = 'src/server/main.ts'

afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }))

/** The operator sees exactly one line on stderr, without a stack trace. */
function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('starting the server with a bad configuration', () => {
  it('stops with one line and a non-zero code when PostgreSQL is unreachable', async () => {
    const { finished } = runEntry(MAIN, {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: SECRET,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/congtin',
      DATA_DIR: tmpDir,
    })
    const { code, stderr } = await finished
    expect(code).not.toBe(0)
    expectOneLine(stderr, /^Cổng tin cannot start: cannot connect to PostgreSQL at postgres:\/\/127\.0\.0\.1:1\/congtin/)
  })

  it('stops with one line when MongoDB is unreachable (the adapter loads only when chosen)', async () => {
    const { finished } = runEntry(MAIN, {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: SECRET,
      DATABASE_URL: 'mongodb://127.0.0.1:1/congtin?serverSelectionTimeoutMS=1000',
      DATA_DIR: tmpDir,
    })
    const { code, stderr } = await finished
    expect(code).not.toBe(0)
    expectOneLine(stderr, /^Cổng tin cannot start: cannot connect to MongoDB at mongodb:\/\/127\.0\.0\.1:1\/congtin/)
  })

  it('stops with one line for a database scheme it does not know', async () => {
    const { finished } = runEntry(MAIN, { NODE_ENV: 'production', PAYLOAD_SECRET: SECRET, DATABASE_URL: 'mysql://root@127.0.0.1/x' })
    const { code, stderr } = await finished
    expect(code).not.toBe(0)
    expectOneLine(stderr, /DATABASE_URL must start with file:, postgres:\/\/, postgresql:\/\/ or mongodb:\/\//)
  })

  it('stops with one line when production has no PAYLOAD_SECRET', async () => {
    const { finished } = runEntry(MAIN, { NODE_ENV: 'production', DATA_DIR: tmpDir })
    const { code, stderr } = await finished
    expect(code).not.toBe(0)
    expectOneLine(stderr, /PAYLOAD_SECRET is required in production/)
  })
})

describe('graceful shutdown', () => {
  it('finishes the request in flight on SIGTERM, then exits cleanly', async () => {
    const port = await freePort()
    const { child, finished } = runEntry(MAIN, {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: tmpDir,
      MEDIA_DIR: path.join(tmpDir, 'media'),
      DATABASE_URL: `file:${path.join(tmpDir, 'shutdown.db')}`,
      LOG_LEVEL: 'info',
    })
    await waitForHealthy(port)
    // The first admin page render takes a few hundred milliseconds: long enough to be in flight.
    const inFlight = fetch(`http://127.0.0.1:${port}/admin/login`)
    await new Promise((resolve) => setTimeout(resolve, 30))
    child.kill('SIGTERM')
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Đăng nhập')
    const { code, stdout } = await finished
    expect(code).toBe(0)
    expect(stdout).toContain('SIGTERM received')
    expect(stdout).toContain('stopped')
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  })
})
