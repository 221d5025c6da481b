import type { ChildProcess } from 'node:child_process'
import type { Result } from 'autocannon'

import autocannon from 'autocannon'
import { execFile, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'

import type { Manifest } from './generateArticles.ts'

import { benchEnv } from './env.ts'
import { freePort, get, HOST, median, NODE, ROOT, startServer, stop } from './servers.ts'

/**
 * `npm run bench [-- --articles N --duration S --connections C --runs R --warmup S --fresh]`
 * Builds the admin, generates (or reuses) a database of N articles, starts the production server
 * and a bare Node `http` server, load-tests the home page, an article page (from the page cache,
 * and bypassing it) and the bare server with autocannon, and prints a Markdown table of medians
 * for the README. Exits non-zero on any non-2xx answer, request error or server failure.
 */

const BENCH_DIR = path.join(ROOT, 'tmp', 'bench')

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: process.env.BENCH_ARTICLES || '10000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
    /** Also run bench/stats.ts (the cost of counting visits) after the page benchmark. */
    stats: { type: 'boolean', default: false },
    /** Also run bench/polls.ts (votes per second) after the page benchmark. */
    polls: { type: 'boolean', default: false },
  },
})

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`)
  return value
}
const options = {
  articles: positiveInteger('articles', args.articles),
  duration: positiveInteger('duration', args.duration),
  connections: positiveInteger('connections', args.connections),
  runs: positiveInteger('runs', args.runs),
  warmup: positiveInteger('warmup', args.warmup),
}

const log = (message: string) => console.log(`[bench] ${message}`)

/** Runs `npm run build`, which skips the Next.js build when its sources did not change. */
function buildAdmin(): void {
  log('npm run build')
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`)
}

/**
 * The generated database for N articles, made once and reused: the key also hashes the migrations
 * and the generator, so a schema or content change makes a new one instead of a stale reuse.
 */
function cachedDatabase(): { dir: string; manifest: Manifest } {
  const hash = crypto.createHash('sha256')
  for (const file of ['migrations/sqlite/index.ts', 'bench/generateArticles.ts']) hash.update(fs.readFileSync(path.join(ROOT, file)))
  const prefix = `articles-${options.articles}-`
  const dir = path.join(BENCH_DIR, prefix + hash.digest('hex').slice(0, 10))
  const manifestFile = path.join(dir, 'manifest.json')
  if (args.fresh || !fs.existsSync(manifestFile)) {
    // Older databases of the same size are obsolete now.
    if (fs.existsSync(BENCH_DIR)) {
      for (const name of fs.readdirSync(BENCH_DIR)) if (name.startsWith(prefix)) fs.rmSync(path.join(BENCH_DIR, name), { recursive: true })
    }
    // Generate aside and rename when complete, so an interrupted run never leaves a half database.
    const partial = `${dir}.partial`
    fs.rmSync(partial, { recursive: true, force: true })
    log(`generating ${options.articles} articles in ${path.relative(ROOT, dir)} (once; reused by later runs)`)
    const result = spawnSync(NODE[0], [...NODE.slice(1), 'bench/generateArticles.ts', '--articles', String(options.articles), '--out', partial], {
      cwd: ROOT,
      stdio: 'inherit',
    })
    if (result.status !== 0) throw new Error(`article generation failed (exit ${result.status})`)
    fs.renameSync(partial, dir)
  } else {
    log(`reusing ${path.relative(ROOT, dir)}`)
  }
  return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest }
}

const execFileAsync = promisify(execFile)

/** Samples the resident set size of `pid` twice a second until the returned function gives the peak, in KiB. */
function watchRss(pid: number): () => Promise<number> {
  let peak = 0
  const sample = async () => {
    const { stdout } = await execFileAsync('ps', ['-o', 'rss=', '-p', String(pid)]).catch(() => ({ stdout: '' }))
    peak = Math.max(peak, Number(stdout.trim()) || 0)
  }
  const timer = setInterval(sample, 500)
  return async () => {
    clearInterval(timer)
    await sample()
    return peak
  }
}

type Target = {
  name: string
  port: number
  path: string
  pid: number
  bytes: number
  /** Requests take these paths in turn (many different pages) instead of `path`. */
  paths?: string[]
  /** A note for the table: what is cached and what is not. */
  note: string
  /** Concurrent connections when not `--connections` (latency of one reader at a time). */
  connections?: number
  runs: { result: Result; rssKiB: number }[]
}

let requestNumber = 0
const nextPath = (paths: string[]) => paths[requestNumber++ % paths.length]
const load = (target: Target, duration: number) =>
  autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    headers: { host: HOST },
    connections: target.connections ?? options.connections,
    duration,
    // Slow answers (the uncached page under 50 connections) belong in p99, not among the errors.
    timeout: 30,
    requests: target.paths ? [{ setupRequest: (request) => ({ ...request, path: nextPath(target.paths!) }) }] : undefined,
  })

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (kibibytes: number) => `${Math.round(kibibytes / 1024)} MiB`
// autocannon measures latency in whole milliseconds.
const ms = (value: number) => (value < 1 ? '<1 ms' : `${value} ms`)
const reqs = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1))

async function main(): Promise<number> {
  buildAdmin()
  const { dir, manifest } = cachedDatabase()

  // Serve a copy, so that whatever the server writes (jobs, sessions) never changes the cache.
  const runDir = path.join(BENCH_DIR, 'run')
  fs.rmSync(runDir, { recursive: true, force: true })
  fs.cpSync(dir, runDir, { recursive: true })

  const serverPort = await freePort(3100)
  const uncachedPort = await freePort(serverPort + 1)
  const rawPort = await freePort(uncachedPort + 1)
  const children: ChildProcess[] = []
  let failed = false
  let stopping = false
  const watchExit = (name: string, child: ChildProcess) =>
    child.on('exit', (code, signal) => {
      if (!stopping) {
        failed = true
        console.error(`[bench] ${name} exited during the benchmark (${code ?? signal})`)
      }
    })
  try {
    log(`starting the production server on port ${serverPort}`)
    const server = await startServer('the server', ['src/server/main.ts'], { ...process.env, ...benchEnv(runDir, serverPort) }, serverPort, '/healthz')
    children.push(server)
    watchExit('the server', server)
    // The same server with its page cache off: every request reads the database and renders.
    log(`starting the same server with PAGE_CACHE_BYTES=0 on port ${uncachedPort}`)
    const uncachedEnv = { ...process.env, ...benchEnv(runDir, uncachedPort), PAGE_CACHE_BYTES: '0', JOBS_AUTORUN: 'false' }
    const uncached = await startServer('the uncached server', ['src/server/main.ts'], uncachedEnv, uncachedPort, '/healthz')
    children.push(uncached)
    watchExit('the uncached server', uncached)

    const articlePath = `/bai-viet/${manifest.sampleSlug}`
    const articlePaths = manifest.slugs.map((slug) => `/bai-viet/${slug}`)
    const searchPaths = manifest.searchQueries.map((query) => `/tim-kiem?q=${encodeURIComponent(query)}`)
    const home = await get(serverPort, '/')
    const article = await get(serverPort, articlePath)
    if (home.status !== 200 || article.status !== 200) throw new Error(`pages answer ${home.status} (home) and ${article.status} (article)`)
    const repeat = await get(serverPort, articlePath)
    const missed = await get(uncachedPort, articlePath)
    const search = await get(uncachedPort, searchPaths[0])
    if (missed.status !== 200 || search.status !== 200) throw new Error(`uncached pages answer ${missed.status} (article) and ${search.status} (search)`)
    log(`article page: X-Cache ${article.cache ?? '-'} then ${repeat.cache ?? '-'}; page cache off: ${missed.cache ?? '-'}`)
    log(`search "${manifest.searchQueries[0]}": ${(search.body.toString().match(/class="result-count"[^>]*>([^<]*)/)?.[1] ?? '?').trim()}`)

    log(`starting raw Node on port ${rawPort}, ${article.body.length}-byte page`)
    const raw = await startServer('raw node', ['bench/rawNode.ts', '--port', String(rawPort), '--bytes', String(article.body.length)], process.env, rawPort, '/')
    children.push(raw)

    const targets: Target[] = [
      { name: 'Article page, cache hit', note: 'one article, from the page cache', port: serverPort, path: articlePath, pid: server.pid!, bytes: article.body.length, runs: [] },
      { name: 'Home page, cache hit', note: 'from the page cache', port: serverPort, path: '/', pid: server.pid!, bytes: home.body.length, runs: [] },
      {
        name: 'Article page, cache miss',
        note: `page cache off; ${articlePaths.length.toLocaleString('en-US')} different articles in turn`,
        port: uncachedPort,
        path: articlePath,
        paths: articlePaths,
        pid: uncached.pid!,
        bytes: missed.body.length,
        runs: [],
      },
      { name: 'Home page, cache miss', note: 'page cache off', port: uncachedPort, path: '/', pid: uncached.pid!, bytes: home.body.length, runs: [] },
      {
        name: 'Search `/tim-kiem?q=…`',
        note: `page cache off; ${searchPaths.length.toLocaleString('en-US')} different queries in turn`,
        port: uncachedPort,
        path: searchPaths[0],
        paths: searchPaths,
        pid: uncached.pid!,
        bytes: search.body.length,
        runs: [],
      },
      {
        name: 'Search, one reader at a time',
        note: 'as above, 1 connection: the latency of a single search',
        port: uncachedPort,
        path: searchPaths[0],
        paths: [...searchPaths].reverse(),
        connections: 1,
        pid: uncached.pid!,
        bytes: search.body.length,
        runs: [],
      },
      { name: 'Raw Node `http`, same size', note: 'a fixed page from memory', port: rawPort, path: '/', pid: raw.pid!, bytes: article.body.length, runs: [] },
    ]

    // Warm-up: first requests load code paths and fill caches; not measured.
    for (const target of targets) {
      log(`warm-up ${target.name}: ${options.warmup} s`)
      await load(target, options.warmup)
    }
    // Targets take turns in each round, so slow drift in a noisy machine spreads over all of them.
    for (let round = 1; round <= options.runs && !failed; round++) {
      for (const target of targets) {
        const peakRss = watchRss(target.pid)
        const result = await load(target, options.duration)
        const rssKiB = await peakRss()
        target.runs.push({ result, rssKiB })
        const problems = result.non2xx + result.errors + result.timeouts
        if (problems > 0) failed = true
        log(
          `${target.name} run ${round}/${options.runs}: ${reqs(result.requests.average)} req/s, p50 ${ms(result.latency.p50)}, ` +
            `p99 ${ms(result.latency.p99)}, RSS ${mib(rssKiB)}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
        )
      }
    }
    if (failed) {
      console.error('[bench] failed: non-2xx answers, errors or a server exit (see above)')
      return 1
    }

    const rawRps = median(targets[targets.length - 1].runs.map((run) => run.result.requests.average))
    const cpus = os.cpus()
    const lines = [
      '| Target | What is measured | Page size | Req/s | p50 | p97.5 | p99 | Server RSS (peak) | Req/s vs raw Node | Non-2xx |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...targets.map((target) => {
        const rps = median(target.runs.map((run) => run.result.requests.average))
        const cells = [
          target.name,
          target.note,
          kib(target.bytes),
          reqs(rps),
          ms(median(target.runs.map((run) => run.result.latency.p50))),
          ms(median(target.runs.map((run) => run.result.latency.p97_5))),
          ms(median(target.runs.map((run) => run.result.latency.p99))),
          mib(Math.max(...target.runs.map((run) => run.rssKiB))),
          `${(rps / rawRps).toPrecision(2)}×`,
          String(target.runs.reduce((sum, run) => sum + run.result.non2xx, 0)),
        ]
        return `| ${cells.join(' | ')} |`
      }),
      '',
      `Medians of ${options.runs} runs of ${options.duration} s, ${options.connections} connections unless stated (autocannon, after a ${options.warmup} s warm-up), ` +
        `SQLite, ${manifest.articles.toLocaleString('en-US')} published articles; autocannon runs on the same machine.`,
      'Cache hits are served from the in-memory page cache; the cache-miss and search rows come from a second ' +
        'instance of the same server with PAGE_CACHE_BYTES=0, so every request queries the database and renders. ' +
        'autocannon reports p97.5, not p95: it bounds p95 from above.',
      `Machine: ${cpus[0].model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `Node ${process.version}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}.`,
    ]
    console.log(`\n${lines.join('\n')}\n`)
    return 0
  } finally {
    stopping = true
    for (const child of children) await stop(child)
  }
}

/** `--stats`, `--polls`: the counting and vote benchmarks, each in its own process, after the pages. */
function runFollowUps(code: number): number {
  const followUps: [boolean | undefined, string[]][] = [
    [args.stats, ['bench/stats.ts']],
    [args.polls, ['bench/polls.ts', '--runs', String(options.runs)]],
  ]
  for (const [wanted, argv] of followUps) {
    if (!wanted || code !== 0) continue
    code = spawnSync(NODE[0]!, [...NODE.slice(1), ...argv], { cwd: ROOT, stdio: 'inherit' }).status ?? 1
  }
  return code
}

main().then(
  (code) => process.exit(runFollowUps(code)),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
