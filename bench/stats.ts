import type { ChildProcess } from 'node:child_process'
import type { Result } from 'autocannon'

import autocannon from 'autocannon'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

import type { Manifest } from './generateArticles.ts'

import { benchEnv } from './env.ts'
import { freePort, get, HOST, median, NODE, pinToCore, ROOT, startServer, stop } from './servers.ts'

/**
 * `npm run bench:stats [-- --articles N --duration S --connections C --runs R]`
 * What counting visits costs: the same cached article page from two production servers on copies
 * of one database, one counting (VISITS_COUNTING=true) and one not, and a bare Node `http` server,
 * in turns within one run. Every request comes from another reader (browser user agent, its own
 * X-Forwarded-For), so every one is a view to record. Prints medians, the cost of counting, and
 * how many view events per second reached the database (checked against the requests sent).
 * Besides throughput it reports each server's CPU time per request (Linux /proc). Where it can, the
 * load generator runs on core 0 and the servers on core 1, so that they do not race for cores.
 */
const BENCH_DIR = path.join(ROOT, 'tmp', 'bench-stats')
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '200' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
  },
})
const options = Object.fromEntries(Object.entries(args).map(([name, raw]) => [name, Number(raw)])) as Record<keyof typeof args, number>
for (const [name, value] of Object.entries(options)) if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
const log = (message: string) => console.log(`[bench:stats] ${message}`)

/** The database with N articles, generated once into tmp/bench-stats. */
function database(): { dir: string; manifest: Manifest } {
  const dir = path.join(BENCH_DIR, `articles-${options.articles}`)
  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) {
    fs.rmSync(dir, { recursive: true, force: true })
    log(`generating ${options.articles} articles (once)`)
    const result = spawnSync(NODE[0], [...NODE.slice(1), 'bench/generateArticles.ts', '--articles', String(options.articles), '--out', dir], { cwd: ROOT, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('article generation failed')
  }
  return { dir, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest }
}

const cpu = (micros: number | undefined) => (micros === undefined ? 'n/a' : `${micros.toFixed(1)} µs`)

let reader = 0
const readerAddress = () => {
  reader++
  return `10.${(reader >> 16) & 255}.${(reader >> 8) & 255}.${reader & 255}`
}
const load = (port: number, urlPath: string, duration: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}${urlPath}`,
    headers: { host: HOST, 'user-agent': UA },
    connections: options.connections,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { host: HOST, 'user-agent': UA, 'x-forwarded-for': readerAddress() } }) }],
  })

/** CPU time (user + system) of a process so far, in microseconds; undefined off Linux. */
function cpuMicros(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS
  } catch {
    return undefined
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

const total = async (port: number) => (JSON.parse((await get(port, '/thong-ke-truy-cap.json')).body.toString('utf8')) as { total: number }).total

async function main(): Promise<number> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build failed')
  const { dir, manifest } = database()
  const serverCore = pinToCore()
  log(serverCore === undefined ? 'load generator and servers share the cores' : `load generator on core 0, servers on core ${serverCore}`)
  const children: ChildProcess[] = []
  try {
    type Target = { name: string; port: number; pid?: number; counting: boolean; results: Result[]; cpuPerRequest: number[]; sent: number }
    const servers: Target[] = []
    for (const counting of [true, false]) {
      const runDir = path.join(BENCH_DIR, `run-${counting ? 'on' : 'off'}`)
      fs.rmSync(runDir, { recursive: true, force: true })
      fs.cpSync(dir, runDir, { recursive: true })
      const port = await freePort()
      log(`starting the server with counting ${counting ? 'on' : 'off'} on port ${port}`)
      const env = { ...process.env, ...benchEnv(runDir, port), VISITS_COUNTING: String(counting), JOBS_AUTORUN: 'false' }
      const child = await startServer(`server (counting ${counting})`, ['src/server/main.ts'], env, port, '/healthz', serverCore)
      children.push(child)
      servers.push({ name: `Article page (page cache), counting ${counting ? 'on' : 'off'}`, port, pid: child.pid, counting, results: [], cpuPerRequest: [], sent: 0 })
    }
    const articlePath = `/bai-viet/${manifest.sampleSlug}`
    const page = await get(servers[0]!.port, articlePath)
    if (page.status !== 200) throw new Error(`article page answers ${page.status}`)
    const rawPort = await freePort()
    const rawChild = await startServer('raw node', ['bench/rawNode.ts', '--port', String(rawPort), '--bytes', String(page.body.length)], process.env, rawPort, '/', serverCore)
    children.push(rawChild)
    const raw: Target = { name: 'Raw Node `http`, same size', port: rawPort, pid: rawChild.pid, counting: false, results: [], cpuPerRequest: [], sent: 0 }

    for (const target of [...servers, raw]) await load(target.port, target === raw ? '/' : articlePath, options.warmup)
    const countedBefore = await sleep(3_000).then(() => total(servers[0]!.port))
    let failed = false
    for (let round = 1; round <= options.runs; round++) {
      for (const target of [...servers, raw]) {
        const cpuBefore = cpuMicros(target.pid)
        const result = await load(target.port, target === raw ? '/' : articlePath, options.duration)
        const cpuAfter = cpuMicros(target.pid)
        target.results.push(result)
        if (cpuBefore !== undefined && cpuAfter !== undefined) target.cpuPerRequest.push((cpuAfter - cpuBefore) / result.requests.total)
        if (target === servers[0]) target.sent += result['2xx']
        if (result.non2xx + result.errors + result.timeouts > 0) failed = true
        log(`${target.name} run ${round}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, CPU ${cpu(target.cpuPerRequest.at(-1))} per request`)
      }
    }
    // One flush interval (2 s) plus the box's 5 s summary cache.
    await sleep(8_000)
    const recorded = (await total(servers[0]!.port)) - countedBefore
    const measuredSeconds = options.runs * options.duration
    const cpuPerRequest = (target: Target) => (target.cpuPerRequest.length ? median(target.cpuPerRequest) : undefined)
    const rps = (target: { results: Result[] }) => median(target.results.map((result) => result.requests.average))
    const [on, off] = [rps(servers[0]!), rps(servers[1]!)]
    const rawRps = rps(raw)
    // Requests still in flight when autocannon stops a run are answered (and counted) but not tallied.
    const inFlightBound = options.connections * options.runs
    const complete = recorded >= servers[0]!.sent && recorded <= servers[0]!.sent + inFlightBound
    const lines = [
      '| Target | Req/s (median) | p50 | p99 | vs raw Node | Server CPU per request (median) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[...servers, raw].map(
        (target) =>
          `| ${target.name} | ${Math.round(rps(target)).toLocaleString('en-US')} | ${median(target.results.map((r) => r.latency.p50))} ms | ${median(target.results.map((r) => r.latency.p99))} ms | ${(rps(target) / rawRps).toPrecision(2)}× | ${cpu(cpuPerRequest(target))} |`,
      ),
      '',
      `Counting costs ${(((off - on) / off) * 100).toFixed(1)} % of cached article throughput (target < 10 %)` +
        (cpuPerRequest(servers[0]!) !== undefined && cpuPerRequest(servers[1]!) !== undefined
          ? `; in server CPU time, ${cpu(cpuPerRequest(servers[0]!)! - cpuPerRequest(servers[1]!)!)} per request (${(((cpuPerRequest(servers[0]!)! - cpuPerRequest(servers[1]!)!) / cpuPerRequest(servers[1]!)!) * 100).toFixed(1)} %).`
          : '.'),
      `View events recorded: ${recorded.toLocaleString('en-US')} of ${servers[0]!.sent.toLocaleString('en-US')} counted requests sent ` +
        `plus at most ${inFlightBound} in flight when runs stopped (${Math.round(recorded / measuredSeconds).toLocaleString('en-US')} per second of load)` +
        `${complete ? ': none lost' : ': MISMATCH'}.`,
      `${options.runs} runs × ${options.duration} s, ${options.connections} connections, every request another reader; ${serverCore === undefined ? 'unpinned' : 'load generator and servers pinned to separate cores'}; SQLite, ` +
        `${manifest.articles} articles; ${os.cpus()[0]!.model}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    ]
    console.log(`\n${lines.join('\n')}\n`)
    return failed || !complete ? 1 : 0
  } finally {
    for (const child of children) await stop(child)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench:stats] failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
