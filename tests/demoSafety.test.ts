import { createClient } from '@libsql/client'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { seedRefusal } from '../src/seed/seedRefusal.ts'
import { freePort, runEntry, waitForHealthy } from './helpers/serverProcess.ts'

/** The demo's accounts have a password printed in the README: they stay on the demo. */
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-demo-safety-'))
const SECRET = crypto.randomBytes(32).toString('hex')

afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }))

/** An address of this machine other than loopback, to knock on. */
function externalAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)
  if (!address) throw new Error('this machine has no non-loopback IPv4 address to test with')
  return address.address
}

describe('npm run seed', () => {
  it('refuses a production database, writes nothing, and says how to insist', async () => {
    const database = path.join(tmpDir, 'production.db')
    const { finished } = runEntry(
      'src/seed/cli.ts',
      { NODE_ENV: 'production', PAYLOAD_SECRET: SECRET, DATABASE_URL: `file:${database}`, DATA_DIR: tmpDir, MEDIA_DIR: path.join(tmpDir, 'media') },
    )
    const { code, stderr } = await finished
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^Seed failed: NODE_ENV=production: .* Add --demo to write them anyway\.\n$/)
    const client = createClient({ url: `file:${database}` })
    try {
      expect((await client.execute('select count(*) as n from users')).rows[0]!.n).toBe(0)
      expect((await client.execute('select count(*) as n from sites')).rows[0]!.n).toBe(0)
    } finally {
      client.close()
    }
  }, 120_000)

  it("refuses a database holding a real portal's sites, unless told --demo", () => {
    expect(seedRefusal({ isProduction: false, demo: false, siteKeys: [] })).toBeUndefined()
    expect(seedRefusal({ isProduction: false, demo: false, siteKeys: ['hoabinh', 'kontum'] })).toBeUndefined()
    expect(seedRefusal({ isProduction: false, demo: false, siteKeys: ['hoabinh', 'laocai'] })).toMatch(/\(laocai\)/)
    expect(seedRefusal({ isProduction: true, demo: true, siteKeys: ['laocai'] })).toBeUndefined()
  })
})

describe('npm run demo', () => {
  it('listens on 127.0.0.1 only and says so', async () => {
    const port = await freePort()
    const { child, finished } = runEntry('src/server/demo.ts', {
      PORT: String(port),
      DATA_DIR: path.join(tmpDir, 'demo'),
      MEDIA_DIR: path.join(tmpDir, 'demo', 'media'),
      DATABASE_URL: `file:${path.join(tmpDir, 'demo.db')}`,
      LOG_LEVEL: 'warn',
    })
    try {
      await waitForHealthy(port, 180_000)
      await expect(fetch(`http://${externalAddress()}:${port}/healthz`)).rejects.toThrow()
    } finally {
      child.kill('SIGTERM')
    }
    const { stdout } = await finished
    expect(stdout).toContain(`Listening on 127.0.0.1 only: other machines cannot reach it (HOST=0.0.0.0 npm run demo opens it).`)
  }, 240_000)
})
