import type { ChildProcess } from 'node:child_process'

import crypto from 'node:crypto'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createCounterStore, type CounterStore } from '../src/stats/counterStore.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, HOABINH } from './helpers/demo.ts'
import { BROWSER_UA, httpGet, inParallel, readerAddress } from './helpers/load.ts'
import { type Finished, freePort, runEntry, waitForHealthy } from './helpers/serverProcess.ts'

let portal: Portal
let site: Site
let store: CounterStore
let articles: Article[]
const instances: { child: ChildProcess; finished: Promise<Finished>; origin: string }[] = []

const VIEWS_PER_INSTANCE = 1_000

/** Two production servers (`src/server/main.ts`) on the test's database, as behind a load balancer. */
beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  store = await createCounterStore(portal.payload)
  articles = (await portal.payload.find({ collection: 'articles', where: { site: { equals: site.id }, _status: { equals: 'published' } }, limit: 10, depth: 0 })).docs
  const secret = crypto.randomBytes(32).toString('hex')
  for (let index = 0; index < 2; index++) {
    const port = await freePort()
    const instance = runEntry('src/server/main.ts', {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: secret,
      DATABASE_URL: portal.database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(portal.tmpDir, `data-${index}`),
      MEDIA_DIR: path.join(portal.tmpDir, 'media'),
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
      // Only the shutdown flush writes: proves that SIGTERM loses nothing.
      VISITS_FLUSH_SECONDS: '60',
    })
    instances.push({ ...instance, origin: `http://127.0.0.1:${port}` })
    await waitForHealthy(port, 120_000)
  }
}, 300_000)
afterAll(async () => {
  for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL')
  await portal?.close()
})

describe('two app instances on one database', () => {
  it('adds up views sent to both instances exactly', async () => {
    const siteBefore = await store.siteVisits(site.id)
    const articlesBefore = await Promise.all(articles.map((article) => store.articleViews(article.id)))
    const statuses = await inParallel(2 * VIEWS_PER_INSTANCE, 50, (index) =>
      httpGet(instances[index % 2]!.origin, `/bai-viet/${articles[index % articles.length]!.slug}`, {
        host: 'localhost',
        'user-agent': BROWSER_UA,
        'x-forwarded-for': readerAddress(index),
      }).then((res) => res.status),
    )
    expect(statuses.filter((status) => status !== 200)).toEqual([])

    for (const instance of instances) instance.child.kill('SIGTERM')
    const exits = await Promise.all(instances.map((instance) => instance.finished))
    expect(exits.map((exit) => exit.code), exits.map((exit) => exit.stderr).join('\n')).toEqual([0, 0])

    expect(await store.siteVisits(site.id)).toBe(siteBefore + 2 * VIEWS_PER_INSTANCE)
    const articlesAfter = await Promise.all(articles.map((article) => store.articleViews(article.id)))
    const sent = articles.map((_, position) => Array.from({ length: 2 * VIEWS_PER_INSTANCE }, (_, index) => index % articles.length).filter((target) => target === position).length)
    expect(articlesAfter).toEqual(articlesBefore.map((before, position) => before + sent[position]!))
  })
})
