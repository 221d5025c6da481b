import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Manifest } from '../src/ops/backup/manifest.ts'
import type { Site } from '../src/payload-types.ts'

import { listFiles } from '../src/ops/backup/files.ts'
import { attachmentsDir } from '../src/participation/storage.ts'
import { postgresTableCounts } from '../src/ops/backup/postgres.ts'
import { sqliteFile } from '../src/db/sqliteConnection.ts'
import { sqliteTableCounts } from '../src/ops/backup/sqlite.ts'
import { articlePath } from '../src/site/paths.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'
import { freePort, runEntry, waitForHealthy } from './helpers/serverProcess.ts'
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.ts'

const BACKUP = 'src/ops/backup/cli.ts'
const RESTORE = 'src/ops/backup/restoreCli.ts'
const MAIN = 'src/server/main.ts'

let portal: Portal
let second: TestDatabase
let backupDir: string
let manifest: Manifest

/** The environment of the running portal (bootPortal set it on this process). */
function liveEnv(): Record<string, string> {
  const names = ['DATABASE_URL', 'PAYLOAD_SECRET', 'DATA_DIR', 'MEDIA_DIR', 'LOG_LEVEL']
  return Object.fromEntries(names.map((name) => [name, process.env[name]!]))
}

/** A second installation: its own database and folder, as docs/operations.md restores into. */
function secondEnv(): Record<string, string> {
  const folder = path.join(portal.tmpDir, 'second')
  return { ...liveEnv(), DATABASE_URL: second.url, DATA_DIR: path.join(folder, 'data'), MEDIA_DIR: path.join(folder, 'media') }
}

function tableCounts(url: string): Promise<Record<string, number>> {
  return url.startsWith('file:') ? sqliteTableCounts(sqliteFile(url)) : postgresTableCounts(url)
}

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  second = await createTestDatabase(portal.tmpDir)
})

afterAll(async () => {
  await second?.drop()
  await portal?.close()
})

describe('npm run backup', () => {
  it('copies the running database and the media into one dated folder with a manifest', async () => {
    const out = path.join(portal.tmpDir, 'backups')
    // Citizens' attachments live outside the media folder (src/participation/storage.ts).
    const attachments = attachmentsDir(process.env.DATA_DIR!)
    fs.mkdirSync(attachments, { recursive: true })
    for (const name of ['a1b2c3.pdf', 'd4e5f6.webp']) fs.writeFileSync(path.join(attachments, name), crypto.randomBytes(2048))
    const { code, stdout, stderr } = await runEntry(BACKUP, liveEnv(), ['--out', out]).finished
    expect(code, stderr).toBe(0)
    const folders = fs.readdirSync(out)
    expect(folders).toHaveLength(1)
    expect(folders[0]).toMatch(/^cong-tin-\d{8}-\d{6}$/)
    backupDir = path.join(out, folders[0]!)
    expect(stdout).toContain(`Backup written to ${backupDir}`)
    manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as Manifest

    const articles = await portal.payload.count({ collection: 'articles' })
    expect(articles.totalDocs).toBeGreaterThan(0)
    expect(manifest.database.tables.articles).toBe(articles.totalDocs)
    const media = listFiles(process.env.MEDIA_DIR!)
    expect(media.length).toBeGreaterThan(0)
    expect(manifest.media.map((entry) => entry.path)).toEqual(media)
    const first = manifest.media[0]!
    const digest = crypto.createHash('sha256').update(fs.readFileSync(path.join(process.env.MEDIA_DIR!, first.path))).digest('hex')
    expect(first.sha256).toBe(digest)
    expect(manifest.attachments?.map((entry) => entry.path)).toEqual(['a1b2c3.pdf', 'd4e5f6.webp'])
    expect(fs.readFileSync(path.join(backupDir, 'attachments', 'a1b2c3.pdf')).equals(fs.readFileSync(path.join(attachments, 'a1b2c3.pdf')))).toBe(true)
  })

  it('--verify accepts the whole backup and names a tampered media file', async () => {
    const whole = await runEntry(BACKUP, liveEnv(), ['--verify', backupDir]).finished
    expect(whole.code, whole.stderr).toBe(0)
    expect(whole.stdout).toContain(`${manifest.media.length} media files and 2 attachments match the manifest`)

    const tampered = `${backupDir}-tampered`
    fs.cpSync(backupDir, tampered, { recursive: true })
    const victim = manifest.media[0]!.path
    fs.appendFileSync(path.join(tampered, 'media', victim), 'x')
    const broken = await runEntry(BACKUP, liveEnv(), ['--verify', tampered]).finished
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain(`media file ${victim} does not match its checksum`)
    fs.rmSync(path.join(tampered, 'attachments', 'd4e5f6.webp'))
    const missing = await runEntry(BACKUP, liveEnv(), ['--verify', tampered]).finished
    expect(missing.stderr).toContain('attachment d4e5f6.webp is missing')
    fs.rmSync(tampered, { recursive: true })
  })

  it('fails with one line and leaves no folder behind when the database cannot be copied', async () => {
    const out = path.join(portal.tmpDir, 'failed')
    const postgres = portal.database.kind === 'postgres'
    // PostgreSQL: a PATH without the client tools; SQLite: a database file that is not there.
    const env = postgres ? { ...liveEnv(), PATH: fs.mkdtempSync(path.join(portal.tmpDir, 'bin-')) } : { ...liveEnv(), DATABASE_URL: `file:${portal.tmpDir}/missing.db` }
    const { code, stderr } = await runEntry(BACKUP, env, ['--out', out]).finished
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(postgres ? /^Backup failed: pg_dump was not found: install the PostgreSQL client tools/ : /^Backup failed: the database .*missing\.db does not exist/)
    expect(fs.readdirSync(out)).toEqual([])
  })
})

describe('npm run restore (following docs/operations.md)', () => {
  it('restores into an empty second installation with the counts of the manifest', async () => {
    const { code, stdout, stderr } = await runEntry(RESTORE, secondEnv(), [backupDir]).finished
    expect(code, stderr).toBe(0)
    expect(stdout).toContain(`${manifest.media.length} media files`)
    // The restore itself is recorded in the restored audit trail: one entry more than the backup had.
    const audit = manifest.database.tables.audit_entries!
    expect(await tableCounts(second.url)).toEqual({ ...manifest.database.tables, audit_entries: audit + 1 })
    expect(listFiles(secondEnv().MEDIA_DIR!)).toEqual(manifest.media.map((entry) => entry.path))
    expect(stdout).toContain('and 2 attachments, checksums match')
    expect(listFiles(attachmentsDir(secondEnv().DATA_DIR!))).toEqual(['a1b2c3.pdf', 'd4e5f6.webp'])
  })

  it('refuses a database that is not empty without --force', async () => {
    const { code, stderr } = await runEntry(RESTORE, secondEnv(), [backupDir]).finished
    expect(code).toBe(1)
    expect(stderr).toMatch(/^Restore failed: the database is not empty: restore refuses to overwrite it \(add --force/)
  })

  it('the restored portal serves every article the running one serves', async () => {
    const port = await freePort()
    const server = runEntry(MAIN, { ...secondEnv(), NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', JOBS_AUTORUN: 'false' })
    try {
      await waitForHealthy(port)
      const published = await portal.payload.find({ collection: 'articles', overrideAccess: false, depth: 1, limit: 1000, pagination: false })
      expect(published.docs.length).toBeGreaterThan(2)
      for (const article of published.docs) {
        const host = (article.site as Site).hosts[0]!.host
        const page = await get(port, host, articlePath(article.slug!))
        expect(page.status, `${host} ${article.slug}`).toBe(200)
        expect(page.body).toContain(escapeHtml(article.title))
      }
    } finally {
      server.child.kill('SIGTERM')
      await server.finished
    }
  })
})

/** A GET to the server on 127.0.0.1 for one of its sites' host names. */
function get(port: number, host: string, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathname, headers: { host: `${host}:${port}` } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    })
    request.on('error', reject)
  })
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;')
}
