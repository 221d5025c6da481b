import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

import { postgresAdmin, postgresUrl } from './databases.ts'
import { benchEnv } from './env.ts'
import { nginxMain, nginxSite } from './nginxConfig.ts'
import { freePort, get, HOST, median, NODE, ROOT, startServer, stop } from './servers.ts'
import { runWrk, type WrkResult } from './wrk.ts'

/**
 * `npm run bench:nginx [-- --duration S --connections C --runs R --warmup S]`
 * The deployment recipe of docs/deployment.md on this machine: a fresh PostgreSQL database with the
 * demo content, two production instances on it, and nginx (Debian's package, unprivileged, in the
 * foreground, on 127.0.0.1, all its files in a temporary folder) in front of them with the
 * recipe's microcache. Loads the home page and an article with wrk, through nginx, straight from
 * one instance, and from a bare Node `http` server sending the same bytes, in turns within one run;
 * prints medians and the ratio to bare Node. A second nginx that caches every 200 for 1 s whatever
 * the app says shows what the microcache gives once the app allows it.
 * `--print-config` prints the recipe's nginx site with production values and exits.
 */
const NGINX = '/usr/sbin/nginx'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    'print-config': { type: 'boolean', default: false },
  },
})

if (args['print-config']) {
  console.log(nginxSite({ listen: '80', upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'], cacheDir: '/var/cache/nginx/cong-tin' }))
  process.exit(0)
}

const options = { duration: Number(args.duration), connections: Number(args.connections), runs: Number(args.runs), warmup: Number(args.warmup) }
for (const [name, value] of Object.entries(options)) if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
const log = (message: string) => console.log(`[bench:nginx] ${message}`)

/** nginx in the foreground with the recipe's site on `port`; resolves once it answers. */
async function startNginx(dir: string, port: number, upstreams: string[], forceSeconds?: number): Promise<ChildProcess> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 })
  const site = nginxSite({ listen: `127.0.0.1:${port}`, upstreams, cacheDir: path.join(dir, 'cache'), forceSeconds })
  const config = path.join(dir, 'nginx.conf')
  fs.writeFileSync(config, nginxMain(dir, site))
  const child = spawn(NGINX, ['-p', dir, '-c', config], { stdio: ['ignore', 'inherit', 'inherit'] })
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}); see ${dir}/error.log`)
    if ((await get(port, '/healthz').catch(() => undefined))?.status === 200) return child
    await sleep(100)
  }
  child.kill('SIGKILL')
  throw new Error('nginx did not answer within 10 s')
}

type Target = { name: string; note: string; port: number; path: string; runs: WrkResult[] }

const ms = (value: number) => (value < 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`)
const reqs = (value: number) => Math.round(value).toLocaleString('en-US')

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('the admin is not built: run `npm run build` first')
  for (const program of [NGINX, '/usr/bin/wrk']) if (!fs.existsSync(program)) throw new Error(`${program} is missing (apt-get install nginx-light wrk)`)

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-nginx-'))
  // nginx's workers run as `nobody` when started by root: they must reach the temporary folder.
  fs.chmodSync(tmpDir, 0o755)
  const database = `congtin_bench_nginx_${process.pid}`
  const children: ChildProcess[] = []
  let created = false
  try {
    await postgresAdmin((client) => client.query(`CREATE DATABASE ${database}`))
    created = true
    const url = postgresUrl(database)
    const [portA, portB, plainPort, forcedPort, rawPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()]
    const instanceEnv = (index: number, port: number) => ({
      ...process.env,
      ...benchEnv(path.join(tmpDir, `app-${index}`), port),
      DATABASE_URL: url,
      MEDIA_DIR: path.join(tmpDir, 'media'),
      // Readers come through nginx, whose hits never reach the app: counting is not what is measured.
      VISITS_COUNTING: 'false',
    })

    log(`fresh PostgreSQL database ${database}: migrating and writing the demo content`)
    const seeded = spawnSync(NODE[0]!, [...NODE.slice(1), 'src/seed/cli.ts'], { cwd: ROOT, env: instanceEnv(0, portA), stdio: ['ignore', 'ignore', 'inherit'] })
    if (seeded.status !== 0) throw new Error(`seeding failed (exit ${seeded.status})`)

    log(`two instances on ports ${portA} and ${portB}`)
    for (const [index, port] of [portA, portB].entries()) {
      children.push(await startServer(`instance ${index + 1}`, ['src/server/main.ts'], { ...instanceEnv(index, port), JOBS_AUTORUN: index === 0 ? 'true' : 'false' }, port, '/healthz'))
    }
    const upstreams = [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]
    log(`nginx ${spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '')}: the recipe on ${plainPort}, the forced 1 s microcache on ${forcedPort}`)
    children.push(await startNginx(path.join(tmpDir, 'nginx'), plainPort, upstreams))
    children.push(await startNginx(path.join(tmpDir, 'nginx-forced'), forcedPort, upstreams, 1))

    const home = await get(portA, '/')
    const articlePath = home.body.toString().match(/href="(\/bai-viet\/[a-z0-9-]+)"/)?.[1]
    if (home.status !== 200 || !articlePath) throw new Error(`the home page answers ${home.status} without an article link`)
    const article = await get(portA, articlePath)
    for (const [label, port] of [
      ['the recipe', plainPort],
      ['forced 1 s', forcedPort],
    ] as const) {
      await get(port, articlePath)
      const again = await get(port, articlePath)
      log(`${label}: article answers ${again.status}, Cache-Control "${again.headers['cache-control']}", X-Cache-Status ${again.headers['x-cache-status']}`)
      if (port === plainPort && again.headers['x-cache-status'] !== 'HIT') {
        log('  the app does not let shared caches keep its pages (no s-maxage): nginx passes every request on, and')
        log('  proxy_cache_lock makes concurrent requests for one address wait their turn (see docs/deployment.md)')
      }
    }

    log(`raw Node on port ${rawPort}, ${article.body.length}-byte page`)
    children.push(await startServer('raw node', ['bench/rawNode.ts', '--port', String(rawPort), '--bytes', String(article.body.length)], process.env, rawPort, '/'))

    const targets: Target[] = [
      { name: 'Home page via nginx', note: "the recipe (honours the app's Cache-Control)", port: plainPort, path: '/', runs: [] },
      { name: 'Article via nginx', note: "the recipe (honours the app's Cache-Control)", port: plainPort, path: articlePath, runs: [] },
      { name: 'Home page via nginx, forced', note: 'every 200 cached 1 s, app headers ignored', port: forcedPort, path: '/', runs: [] },
      { name: 'Article via nginx, forced', note: 'every 200 cached 1 s, app headers ignored', port: forcedPort, path: articlePath, runs: [] },
      { name: 'Article, one instance', note: 'straight to instance 1 (its page cache)', port: portA, path: articlePath, runs: [] },
      { name: 'Raw Node `http`, same size', note: 'a fixed page from memory', port: rawPort, path: '/', runs: [] },
    ]
    const load = (target: Target, seconds: number) =>
      runWrk({ url: `http://127.0.0.1:${target.port}${target.path}`, headers: { Host: HOST }, connections: options.connections, durationSeconds: seconds })

    for (const target of targets) await load(target, options.warmup)
    let errors = 0
    for (let round = 1; round <= options.runs; round++) {
      for (const target of targets) {
        const result = await load(target, options.duration)
        target.runs.push(result)
        errors += result.errors
        log(`${target.name} run ${round}/${options.runs}: ${reqs(result.requestsPerSecond)} req/s, p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}, errors ${result.errors}`)
      }
    }

    const raw = median(targets.at(-1)!.runs.map((run) => run.requestsPerSecond))
    const cpus = os.cpus()
    console.log(
      [
        '',
        '| Target | What is measured | Req/s | p50 | p90 | p99 | vs raw Node | Errors |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...targets.map((target) => {
          const rps = median(target.runs.map((run) => run.requestsPerSecond))
          const latency = (key: keyof WrkResult['latency']) => ms(median(target.runs.map((run) => run.latency[key])))
          const failed = target.runs.reduce((sum, run) => sum + run.errors, 0)
          return `| ${target.name} | ${target.note} | ${reqs(rps)} | ${latency('p50')} | ${latency('p90')} | ${latency('p99')} | ${(rps / raw).toPrecision(2)}× | ${failed} |`
        }),
        '',
        `Medians of ${options.runs} runs of ${options.duration} s, ${options.connections} connections (wrk, 1 thread, after a ${options.warmup} s warm-up), ` +
          `two instances on one PostgreSQL with the demo content, nginx with 1 worker; all on this machine. ` +
          `Machine: ${cpus[0]!.model}, ${cpus.length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
        '',
      ].join('\n'),
    )
    return errors > 0 ? 1 : 0
  } finally {
    for (const child of children.reverse()) await stop(child)
    if (created) await postgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined)
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench:nginx] failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
