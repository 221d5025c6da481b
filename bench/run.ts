import type { ChildProcess } from 'node:child_process'

import { execFile, spawnSync } from 'node:child_process'
import os from 'node:os'
import { parseArgs, promisify } from 'node:util'

import type { BenchDatabase, BenchDatabaseKind } from './databases.ts'
import type { WrkResult } from './wrk.ts'

import { prepareDatabase } from './databases.ts'
import { benchEnv } from './env.ts'
import { editorToken, publishWhileLoaded } from './publishing.ts'
import { freePort, get, HOST, median, NODE, pinToCore, ROOT, startServer, stop } from './servers.ts'
import { walk } from './walk.ts'
import { runWrk } from './wrk.ts'

/**
 * `npm run bench [-- --articles N --documents N --database sqlite|postgres|both --duration S --connections C --runs R --warmup S --fresh --only WORDS]`
 * The read path's figures, per database: a generated database of N articles and of legal
 * documents (as many as articles unless --documents says), the production server with its page cache and a second one with the cache off, and a
 * raw Node `http` server answering bodies of the same sizes. Each row is loaded with `wrk` and
 * followed, in the same round, by raw Node serving as many bytes; rows take turns, R rounds, and
 * the table gives medians. `--only register,search` runs the rows whose names contain one of
 * the words. Exits non-zero on any non-2xx answer, request error or server failure.
 */

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: process.env.BENCH_ARTICLES || '10000' },
    documents: { type: 'string' },
    database: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    fresh: { type: 'boolean', default: false },
    /** Comma-separated words: only the rows whose names contain one of them. */
    only: { type: 'string' },
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
  documents: positiveInteger('documents', args.documents ?? args.articles),
  duration: positiveInteger('duration', args.duration),
  connections: positiveInteger('connections', args.connections),
  runs: positiveInteger('runs', args.runs),
  warmup: positiveInteger('warmup', args.warmup),
}
const DATABASES: Record<string, BenchDatabaseKind[]> = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }
const kinds = DATABASES[args.database]
if (!kinds) throw new Error(`--database must be sqlite, postgres or both, got "${args.database}"`)

/** The page cache as deployed by default (64 MiB), and off: every request reads the read model and renders. */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024
const PAGE_CACHE_ON = { PAGE_CACHE_BYTES: String(PAGE_CACHE_BYTES) }
const PAGE_CACHE_OFF = { PAGE_CACHE_BYTES: '0' }
const COMPRESSED = { 'accept-encoding': 'br, gzip' }
/** Publishing under load: one article every 2 s; the home page read every 50 ms after each 201. */
const PUBLISH_EVERY_MS = 2000
const POLL_MS = 50
/** Articles read in the publishing row: a site's hot set, which the default page cache holds. */
const HOT_ARTICLES = 500

const log = (message: string) => console.log(`[bench] ${message}`)
const execFileAsync = promisify(execFile)

/** Runs `npm run build`, which skips the Next.js build when its sources did not change. */
function buildAdmin(): void {
  log('npm run build')
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`)
}

const rssKiB = async (pid: number) => Number((await execFileAsync('ps', ['-o', 'rss=', '-p', String(pid)])).stdout.trim()) || 0

type Server = 'cached' | 'uncached'
type Row = {
  name: string
  how: string
  target: string
  server: Server
  paths: string[]
  /** Raw Node answers bodies of these sizes, in the same turn. */
  rawBytes: number[]
  headers?: Record<string, string>
  /** Each path once, on a server started just before (no warm-up). */
  cold?: boolean
  /** Publishes while loaded, and gives the delays until the home page shows each new article. */
  publishing?: boolean
  runs: { load: WrkResult; raw: WrkResult; delays?: number[] }[]
  met: (figures: Figures) => boolean
  measured?: (figures: Figures) => string
}
type Figures = { rps: number; p50: number; p99: number; rawRps: number; ratio: number; delays: number[] }

function figures(row: Row): Figures {
  const runs = row.runs
  return {
    rps: median(runs.map((run) => run.load.requestsPerSecond)),
    p50: median(runs.map((run) => run.load.latency.p50)),
    p99: median(runs.map((run) => run.load.latency.p99)),
    rawRps: median(runs.map((run) => run.raw.requestsPerSecond)),
    // Each round's own ratio, so slow drift of a noisy machine cancels within the round.
    ratio: median(runs.map((run) => run.load.requestsPerSecond / run.raw.requestsPerSecond)),
    delays: runs.flatMap((run) => run.delays ?? []),
  }
}

const int = (value: number) => Math.round(value).toLocaleString('en-US')
const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${int(value)} ms`)
const mib = (kib: number) => `${int(kib / 1024)} MiB`
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`

type Report = { database: BenchDatabase; lines: string[]; failed: boolean }

async function benchDatabase(kind: BenchDatabaseKind, cpu: number | undefined): Promise<Report> {
  const database = await prepareDatabase(kind, { articles: options.articles, documents: options.documents }, args.fresh)
  const { manifest, runDir, databaseUrl } = database
  const children = new Set<ChildProcess>()
  let failed = false
  let exited = false
  let stopping = false
  const start = async (name: string, argv: string[], env: NodeJS.ProcessEnv, port: number, probe: string) => {
    const startedAt = Date.now()
    const child = await startServer(name, argv, env, port, probe, cpu)
    children.add(child)
    child.on('exit', (code, signal) => {
      children.delete(child)
      if (!stopping && !child.killed) {
        failed = exited = true
        console.error(`[bench] ${name} exited during the benchmark (${code ?? signal})`)
      }
    })
    log(`${name} answers on port ${port} (${((Date.now() - startedAt) / 1000).toFixed(1)} s after start)`)
    return child
  }
  try {
    const cachedPort = await freePort(3100)
    const uncachedPort = await freePort(cachedPort + 1)
    const rawPort = await freePort(uncachedPort + 1)
    const serverEnv = (port: number) => ({ ...process.env, ...benchEnv(runDir, port, databaseUrl) })
    const cached = await start('the server', ['src/server/main.ts'], { ...serverEnv(cachedPort), ...PAGE_CACHE_ON }, cachedPort, '/healthz')
    const uncachedEnv = { ...serverEnv(uncachedPort), ...PAGE_CACHE_OFF, JOBS_AUTORUN: 'false' }
    const startUncached = () => start('the server with its page cache off', ['src/server/main.ts'], uncachedEnv, uncachedPort, '/healthz')
    let uncached = await startUncached()
    const raw = await start('raw Node', ['bench/rawNode.ts', '--port', String(rawPort)], process.env, rawPort, '/')

    // What each row serves: a hit on the cached server, the sizes from the one with the cache off.
    const articlePath = `/bai-viet/${manifest.sampleSlug}`
    const categoryPath = `/chuyen-muc/${manifest.categorySlug}`
    const articlePaths = manifest.slugs.map((slug) => `/bai-viet/${slug}`)
    const hotPaths = articlePaths.slice(0, HOT_ARTICLES)
    const searchPaths = manifest.searchQueries.map((query) => `/tim-kiem?q=${encodeURIComponent(query)}`)
    const pages = {
      hit: await get(cachedPort, articlePath).then(() => get(cachedPort, articlePath)),
      article: await get(uncachedPort, articlePath),
      compressed: await get(uncachedPort, articlePath, COMPRESSED),
      home: await get(uncachedPort, '/'),
      category: await get(uncachedPort, categoryPath),
      search: await get(uncachedPort, searchPaths[0]!),
      register: await get(uncachedPort, manifest.documentFilterPath),
    }
    for (const [name, page] of Object.entries(pages)) if (page.status !== 200) throw new Error(`the ${name} page answers ${page.status}`)
    if (pages.hit.cache !== 'HIT') throw new Error(`an article read twice answers X-Cache: ${pages.hit.cache ?? 'none'}, not HIT`)
    const encoding = pages.compressed.headers['content-encoding'] ?? 'identity'
    const bytes = { article: pages.article.body.length, compressed: pages.compressed.body.length, home: pages.home.body.length }
    log(`article ${bytes.article} B, with Accept-Encoding: br, gzip ${bytes.compressed} B (${encoding}); home ${bytes.home} B, ` +
      `category ${pages.category.body.length} B, search ${pages.search.body.length} B, register ${pages.register.body.length} B`)
    // Restart so that the cold row meets a server that has served nothing.
    await stop(uncached)
    uncached = await startUncached()

    const allRows: Row[] = [
      {
        name: 'article, cache hit', how: 'one article', target: '≥ 0.6 × raw Node', server: 'cached',
        paths: [articlePath], rawBytes: [bytes.article], runs: [], met: (f) => f.ratio >= 0.6,
      },
      {
        name: 'article, cold', how: `page cache off, server just restarted, ${int(articlePaths.length)} different articles each read once`,
        target: '≥ 0.06 × raw Node, p99 < 50 ms', server: 'uncached', cold: true,
        paths: articlePaths, rawBytes: [bytes.article], runs: [], met: (f) => f.ratio >= 0.06 && f.p99 < 50,
      },
      {
        name: 'home, page cache off', how: '`/`', target: '≥ 0.03 × raw Node', server: 'uncached',
        paths: ['/'], rawBytes: [bytes.home], runs: [], met: (f) => f.ratio >= 0.03,
      },
      {
        name: 'category listing, page cache off', how: `\`${categoryPath}\``, target: '≥ 0.03 × raw Node', server: 'uncached',
        paths: [categoryPath], rawBytes: [pages.category.body.length], runs: [], met: (f) => f.ratio >= 0.03,
      },
      {
        name: 'documents register, two filters, page cache off', how: `\`${manifest.documentFilterPath}\` of ${int(manifest.documents)} documents, with counts per option`,
        target: '≥ 0.03 × raw Node', server: 'uncached',
        paths: [manifest.documentFilterPath], rawBytes: [pages.register.body.length], runs: [], met: (f) => f.ratio >= 0.03,
      },
      {
        name: `search, ${options.connections} connections`, how: `page cache off, ${int(searchPaths.length)} different queries in turn`,
        target: '≥ 300 req/s, p99 < 200 ms', server: 'uncached',
        paths: searchPaths, rawBytes: [pages.search.body.length], runs: [], met: (f) => f.rps >= 300 && f.p99 < 200,
      },
      {
        name: 'publishing under load', how: `page cache on; home + ${int(hotPaths.length)} articles in turn, an article published every 2 s (REST, demo editor)`,
        target: 'p99 < 100 ms; each new article on home ≤ 1 s', server: 'cached', publishing: true,
        paths: hotPaths.flatMap((path) => ['/', path]), rawBytes: [bytes.home, bytes.article], runs: [],
        met: (f) => f.p99 < 100 && f.delays.length > 0 && Math.max(...f.delays) <= 1000,
        measured: (f) =>
          f.delays.length === 0
            ? 'nothing published (run longer)'
            : `on home after ${ms(median(f.delays))} median, ${ms(Math.max(...f.delays))} max (${f.delays.length} articles)`,
      },
      {
        name: 'bytes on the wire', how: 'article page with `Accept-Encoding: br, gzip`', target: '≤ 30 % of the uncompressed page', server: 'cached',
        paths: [articlePath], headers: COMPRESSED, rawBytes: [bytes.compressed], runs: [],
        met: () => bytes.compressed <= 0.3 * bytes.article,
        measured: () => `${int(bytes.compressed)} of ${int(bytes.article)} B = ${pct(bytes.compressed, bytes.article)} (${encoding})`,
      },
    ]

    const only = args.only?.split(',').map((word) => word.trim()).filter(Boolean)
    const rows = only ? allRows.filter((row) => only.some((word) => row.name.includes(word))) : allRows
    if (rows.length === 0) throw new Error(`--only ${args.only} matches no row (${allRows.map((row) => row.name).join('; ')})`)

    const authorization = await editorToken(cachedPort)
    const origin = (port: number) => `http://127.0.0.1:${port}`
    const loadCpu = cpu === undefined ? undefined : 0
    const portOf = (server: Server) => (server === 'cached' ? cachedPort : uncachedPort)
    const load = (row: Row, duration: number) =>
      row.cold
        ? walk({ port: portOf(row.server), paths: row.paths, headers: row.headers, connections: options.connections })
        : runWrk({ url: origin(portOf(row.server)), paths: row.paths, headers: { Host: HOST, ...row.headers }, connections: options.connections, durationSeconds: duration, cpu: loadCpu })
    const rawLoad = (row: Row) =>
      runWrk({ url: origin(rawPort), paths: row.rawBytes.map((size) => `/${size}`), connections: options.connections, durationSeconds: options.duration, cpu: loadCpu })
    const check = (row: { name: string }, result: WrkResult) => {
      if (result.errors === 0) return
      failed = true
      console.error(`[bench] ${row.name}: ${result.non2xx} non-2xx answers, ${result.errors - result.non2xx} request errors`)
    }

    // Every address the bench knows, as browsers ask (br, gzip); the cache keeps all codings of a
    // page at once. The articles of the publishing row come last, so that they are the ones kept when
    // the cache is smaller than all the addresses: that row meets the cache of a site in use.
    const fill = [...searchPaths, ...Array.from({ length: 50 }, (_, page) => `${categoryPath}?trang=${page + 1}`), ...articlePaths.slice(HOT_ARTICLES), ...hotPaths, '/']
    const fillCache = async () => {
      const filled = await walk({ port: cachedPort, paths: fill, headers: COMPRESSED, connections: options.connections })
      check({ name: 'filling the page cache' }, filled)
      log(`page cache filled: ${int(fill.length)} addresses in ${filled.seconds.toFixed(0)} s`)
    }
    // The cached rows meet a full cache, as on a site in use; rows on the uncached server need none.
    const usesCache = rows.some((row) => row.server === 'cached')
    if (usesCache) await fillCache()

    // Rows take turns in each round, so slow drift in a noisy machine spreads over all of them.
    // Failed requests are counted in the table and fail the bench at the end; a server exit stops it.
    for (let round = 1; round <= options.runs && !exited; round++) {
      for (const row of rows) {
        if (row.cold && round > 1) {
          await stop(uncached)
          uncached = await startUncached()
        }
        // A site in use keeps its hot pages fresh by reading them; between rounds nobody read them
        // here for minutes, and pages expire after 60 s fresh and 5 min stale: read them once first.
        if (row.publishing) await walk({ port: cachedPort, paths: [...hotPaths, '/'], connections: options.connections })
        if (!row.cold) await load(row, options.warmup)
        const until = Date.now() + options.duration * 1000
        const publishing = row.publishing
          ? publishWhileLoaded({ port: cachedPort, manifest, authorization, everyMs: PUBLISH_EVERY_MS, untilMs: until, pollMs: POLL_MS, giveUpMs: 10_000 })
          : undefined
        const result = await load(row, options.duration)
        const delays = await publishing
        const rawResult = await rawLoad(row)
        check(row, result)
        check(row, rawResult)
        row.runs.push({ load: result, raw: rawResult, delays })
        log(
          `${kind} ${row.name} ${round}/${options.runs}: ${int(result.requestsPerSecond)} req/s, p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)} ` +
            `(${int(result.requests)} requests); raw Node ${int(rawResult.requestsPerSecond)} req/s; × ${(result.requestsPerSecond / rawResult.requestsPerSecond).toFixed(3)}` +
            (delays ? `; on home after ${delays.map((delay) => ms(delay)).join(', ')}` : ''),
        )
      }
    }

    // Memory: the page cache filled again (publishing purged pages), then the server's resident set.
    if (usesCache) await fillCache()
    const memory = { server: await rssKiB(cached.pid!), raw: await rssKiB(raw.pid!) }
    log(`RSS after the bench: the server ${mib(memory.server)}, raw Node ${mib(memory.raw)}`)

    const cpus = os.cpus()
    const lines = [
      `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${int(manifest.articles)} articles, ${int(manifest.documents)} documents`,
      '',
      '| row | how | req/s | p50 | p99 | raw Node req/s | × raw Node | failed requests | measured | target | met? |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
      ...rows.map((row) => {
        const f = figures(row)
        const failures = row.runs.reduce((sum, run) => sum + run.load.errors, 0)
        const cells = [
          row.name, row.how, int(f.rps), ms(f.p50), ms(f.p99), int(f.rawRps), f.ratio.toFixed(3), int(failures),
          row.measured?.(f) ?? '', row.target, row.met(f) && failures === 0 ? 'yes' : '**no**',
        ]
        return `| ${cells.join(' | ')} |`
      }),
      ...(usesCache
        ? [
            `| memory | RSS of the server after the whole bench, page cache (${mib(PAGE_CACHE_BYTES / 1024)}) filled with ${int(fill.length)} addresses | | | | | | | ` +
              `${mib(memory.server)} (raw Node ${mib(memory.raw)}) | < 400 MiB | ${memory.server < 400 * 1024 ? 'yes' : '**no**'} |`,
          ]
        : []),
      '',
      `Medians of ${options.runs} rounds; each row ${options.duration} s of \`wrk\` (1 thread, ${options.connections} connections, after ${options.warmup} s of warm-up) ` +
        `then raw Node \`http\` serving bodies of the same size for as long; the cold row walks its list once on a server started just before. ` +
        (cpu === undefined ? 'wrk and the servers share the cores. ' : `wrk and this script on core 0, the servers on core ${cpu}${kind === 'postgres' ? ', PostgreSQL unpinned' : ''}. `) +
        `Database of ${int(manifest.articles)} articles and ${int(manifest.documents)} documents generated in ${int(manifest.seconds)} s (rows ${int(manifest.generatedSeconds)} s, read model rebuild ${int(manifest.rebuildSeconds)} s).`,
      `Machine: ${cpus[0]!.model}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `Node ${process.version}, ${os.type()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}.`,
    ]
    return { database, lines, failed }
  } finally {
    stopping = true
    for (const child of children) await stop(child)
    await database.dispose()
  }
}

async function main(): Promise<number> {
  buildAdmin()
  const cpu = pinToCore()
  const reports: Report[] = []
  for (const kind of kinds) reports.push(await benchDatabase(kind, cpu))
  console.log(`\n${reports.map((report) => report.lines.join('\n')).join('\n\n')}\n`)
  if (reports.some((report) => report.failed)) {
    console.error('[bench] failed: non-2xx answers, errors or a server exit (see above)')
    return 1
  }
  return 0
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
