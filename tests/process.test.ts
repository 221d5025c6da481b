import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { freePort, runEntry, until, waitForHealthy } from './helpers/serverProcess.ts'

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
    const { child, finished, output } = runEntry(MAIN, {
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
    // A login whose headers the server has taken (it answers "100 Continue") and whose body is
    // still to come: provably in flight when SIGTERM arrives.
    const body = JSON.stringify({ email: 'khong-ton-tai@congtin.local', password: 'mat-khau-sai-hoan-toan' })
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => (received += chunk))
    const closed = new Promise((resolve) => socket.on('close', resolve))
    socket.write(
      `POST /api/users/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    )
    await until(() => received.includes('100 Continue'))
    child.kill('SIGTERM')
    await until(() => output().includes('SIGTERM received'))
    socket.end(body)
    await closed
    const final = received.slice(received.indexOf('\r\n\r\n') + 4)
    expect(final).toMatch(/^HTTP\/1\.1 401 /)
    expect(final).toContain('"errors"')
    const { code, stdout } = await finished
    expect(code).toBe(0)
    expect(stdout).toContain('SIGTERM received')
    expect(stdout).toContain('stopped')
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  })
})
