import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Manifest } from '../src/ops/backup/manifest.ts'
import type { Article, Site } from '../src/payload-types.ts'

import { postgresTableCounts } from '../src/ops/backup/postgres.ts'
import { sqliteFile } from '../src/db/sqliteConnection.ts'
import { sqliteIntegrity, sqliteTableCounts } from '../src/ops/backup/sqlite.ts'
import { articlePath } from '../src/site/paths.ts'
import { createCounterStore } from '../src/stats/counterStore.ts'
import { loginAs } from './helpers/api.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { portalEnv, READER_AGENT, send, startServerProcess } from './helpers/portalProcess.ts'
import { runEntry } from './helpers/serverProcess.ts'
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase.ts'

const WRITERS = 20
/** Page views asked of the server per second, as many readers would: none waits for another's answer. */
const VIEWS_PER_SECOND = 1_000
/** Bound on page views on their way at once; past it the rate is what the server answers. */
const MAX_IN_FLIGHT = 50
const TITLE = 'Tin trong lúc sao lưu'

let portal: Portal
let second: TestDatabase
let hoabinh: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  second = await createTestDatabase(portal.tmpDir)
  hoabinh = await findSite(portal.payload, HOABINH.key)
})

afterAll(async () => {
  await second?.drop()
  await portal?.close()
})

/**
 * Page views of one page at a steady rate from many connections, started on a clock rather than
 * after the previous answer (readers do not wait for each other). A view is sent only while fewer
 * than MAX_IN_FLIGHT are waiting, so a slow server gets fewer views, never a pile-up.
 */
function readAtRate(port: number, pathname: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT })
  const tally = { sent: 0, answered: 0, failures: [] as string[] }
  let inFlight = 0
  const view = () =>
    new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: pathname, agent, headers: { host: `${HOABINH.hosts[0]!}:${port}`, 'user-agent': READER_AGENT } }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode!))
        response.on('error', reject)
      })
      request.on('error', reject)
      request.end()
    })
  const started = performance.now()
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * VIEWS_PER_SECOND)
    while (tally.sent < due && inFlight < MAX_IN_FLIGHT) {
      tally.sent++
      inFlight++
      view().then(
        (status) => (status === 200 ? tally.answered++ : tally.failures.push(`status ${status}`)),
        (error: Error) => tally.failures.push(error.message),
      ).finally(() => inFlight--)
    }
  }, 5)
  return {
    tally,
    async stop() {
      clearInterval(timer)
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20))
      agent.destroy()
      return { ...tally, seconds: (performance.now() - started) / 1000 }
    },
  }
}

describe('a backup taken under write load', () => {
  it('restores on a fresh instance with the manifest counts, whole media, and every article served', async () => {
    const server = await startServerProcess(portalEnv())
    const token = await loginAs(server.origin, demoEmail.editor(HOABINH))
    const seeded = await portal.payload.find({ collection: 'articles', where: { site: { equals: hoabinh.id } }, overrideAccess: false, limit: 1, depth: 0 })
    const readSlug = seeded.docs[0]!.slug!

    const counters = await createCounterStore(portal.payload)
    const countedBefore = await counters.siteVisits(hoabinh.id)
    const acknowledged: { slug: string; title: string; at: number }[] = []
    let writing = true
    const writer = async (index: number) => {
      for (let round = 0; writing; round++) {
        const title = `${TITLE} ${index}-${round} ${crypto.randomBytes(3).toString('hex')}`
        const reply = await send(server.port, 'POST', '/api/articles', { headers: { authorization: token }, body: { title, site: hoabinh.id, _status: 'published' } })
        expect(reply.status, reply.body.slice(0, 200)).toBe(201)
        acknowledged.push({ slug: JSON.parse(reply.body).doc.slug as string, title, at: Date.now() })
      }
    }
    const writers = Array.from({ length: WRITERS }, (_, index) => writer(index))
    const reading = readAtRate(server.port, articlePath(readSlug))
    while (acknowledged.length < WRITERS || reading.tally.answered === 0) await new Promise((resolve) => setTimeout(resolve, 100))

    const out = path.join(portal.tmpDir, 'backups')
    const backupStarted = Date.now()
    const viewsBeforeBackup = reading.tally.answered
    const backup = await runEntry('src/ops/backup/cli.ts', portalEnv(), ['--out', out]).finished
    const backupSeconds = (Date.now() - backupStarted) / 1000
    const viewsDuringBackup = reading.tally.answered - viewsBeforeBackup
    writing = false
    const [read] = await Promise.all([reading.stop(), ...writers])
    server.child.kill('SIGTERM')
    await server.finished
    expect(backup.code, backup.stderr).toBe(0)
    expect(read.failures).toEqual([])
    expect(viewsDuringBackup).toBeGreaterThan(0)
    // Every page view sent was answered and counted: the server wrote its counts when it stopped.
    expect(read.answered).toBe(read.sent)
    expect((await counters.siteVisits(hoabinh.id)) - countedBefore).toBe(read.answered)
    console.info(
      `backup under load (${portal.database.kind}): ${acknowledged.length} publishes and ${read.answered} page views in ${read.seconds.toFixed(1)} s ` +
        `(${(read.answered / read.seconds).toFixed(0)} views/s asked ${VIEWS_PER_SECOND}); during the ${backupSeconds.toFixed(1)} s backup ${(viewsDuringBackup / backupSeconds).toFixed(0)} views/s`,
    )

    const dir = path.join(out, fs.readdirSync(out)[0]!)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
    const verify = await runEntry('src/ops/backup/cli.ts', portalEnv(), ['--verify', dir]).finished
    expect(verify.code, verify.stderr).toBe(0)

    const secondEnv = { ...portalEnv(), DATABASE_URL: second.url, DATA_DIR: path.join(portal.tmpDir, 'second'), MEDIA_DIR: path.join(portal.tmpDir, 'second', 'media') }
    const restore = await runEntry('src/ops/backup/restoreCli.ts', secondEnv, [dir]).finished
    expect(restore.code, restore.stderr).toBe(0)
    expect(restore.stdout).toContain(`${Object.keys(manifest.database.tables).length} tables`)
    expect(restore.stdout).toContain(`${manifest.media.length} media files`)
    if (second.kind === 'sqlite') expect(await sqliteIntegrity(second.url)).toBe('ok')
    // The restore adds its own audit entry; every other table has the manifest's rows.
    const counts = second.kind === 'sqlite' ? await sqliteTableCounts(sqliteFile(second.url)) : await postgresTableCounts(second.url)
    expect(counts).toEqual({ ...manifest.database.tables, audit_entries: manifest.database.tables.audit_entries! + 1 })

    const restored = await startServerProcess(secondEnv)
    try {
      const admin = await loginAs(restored.origin, demoEmail.admin)
      const all = await send(restored.port, 'GET', '/api/articles?limit=0&depth=0&pagination=false', { headers: { authorization: admin } })
      const articles = JSON.parse(all.body).docs as Article[]
      expect(articles).toHaveLength(manifest.database.tables.articles!)
      // Everything acknowledged before the backup began is in it.
      const restoredTitles = new Set(articles.map((article) => article.title))
      for (const article of acknowledged.filter((entry) => entry.at < backupStarted)) expect(restoredTitles.has(article.title), article.title).toBe(true)
      const published = articles.filter((article) => article._status === 'published' && (!article.publishedAt || Date.parse(article.publishedAt) <= Date.now()))
      expect(published.filter((article) => article.title.startsWith(TITLE)).length).toBeGreaterThanOrEqual(WRITERS)
      for (const article of published) {
        const host = (article.site === hoabinh.id ? HOABINH : KONTUM).hosts[0]!
        const page = await send(restored.port, 'GET', articlePath(article.slug!), { host })
        expect(page.status, article.slug!).toBe(200)
      }
    } finally {
      restored.child.kill('SIGTERM')
      await restored.finished
    }
  }, 240_000)
})
