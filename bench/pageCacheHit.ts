import type { Site } from '../src/payload-types.ts'

import express from 'express'
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { parseArgs } from 'node:util'
import { Counter, Histogram, Registry } from 'prom-client'

import { observeRequests } from '../src/ops/observe/requests.ts'
import { securityHeaders } from '../src/server/securityHeaders.ts'
import { createPageCache } from '../src/site/cache/pageCache.ts'
import { median } from './servers.ts'

/**
 * `node --conditions=production --import tsx bench/pageCacheHit.ts [--page file.html] [--runs 3]`
 * The cost of a page cache hit alone, each server in its own process, measured with wrk: a bare
 * Node `http` server writing the page's bytes (raw); an Express route writing them (express); the
 * page cache as an Express route, alone (cache) and behind the security headers as in the portal
 * (cache+headers); `cache.hit()` as Express's first middleware (first) and in front of Express
 * (front), and the front door inside the request observer as the server runs it (observed). Prints medians of req/s and the
 * ratio to raw.
 */
const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    port: { type: 'string', default: '4701' },
    page: { type: 'string' },
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    encoding: { type: 'string', default: 'identity' },
  },
})

const body = args.page ? fs.readFileSync(args.page, 'utf8') : `<!doctype html>${'<p>Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân tháng này.</p>'.repeat(250)}`
const port = Number(args.port)

if (args.serve === 'raw') {
  const bytes = Buffer.from(body)
  http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': bytes.length }).end(bytes)).listen(port)
} else if (args.serve) {
  const cache = createPageCache({ maxBytes: 64 * 1024 * 1024, authenticate: async () => undefined })
  const bytes = Buffer.from(body)
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  if (args.serve === 'first') app.use((req, res, next) => cache.hit(req, res, 1) || next())
  if (args.serve !== 'express' && args.serve !== 'cache') app.use(securityHeaders({ https: false }))
  app.use((_req, res, next) => {
    res.locals.site = { id: 1 } as Site
    next()
  })
  if (args.serve === 'express') app.get('/bai-viet/:slug', (_req, res) => void res.writeHead(200, ['Content-Type', 'text/html; charset=utf-8', 'Content-Length', String(bytes.length)]).end(bytes))
  else app.get('/bai-viet/:slug', cache.page({}, async () => ({ type: 'html', body, tags: ['article:1'] })))
  // cache.hit() in front of Express, as the portal's server can call it once the site is known.
  const door = (req: http.IncomingMessage, res: http.ServerResponse, extraHead?: readonly string[]) => ['front', 'observed'].includes(args.serve!) && cache.hit(req, res, 1, extraHead)
  const front: http.RequestListener = (req, res) => door(req, res) || app(req, res)
  // 'observed': the front door inside the portal's request observer (id, metrics; the access line is
  // logged at info, below the portal's usual warn level, so it is left out here).
  const listener = args.serve === 'observed' ? observeRequests(app, benchMetrics(), () => {}, door) : front
  http.createServer(listener).listen(port)
} else {
  const servers = (process.env.BENCH_SERVERS ?? 'raw,express,cache,cache+headers,first,front,observed').split(',')
  const results: Record<string, number[]> = Object.fromEntries(servers.map((name) => [name, []]))
  const headers = args.encoding === 'identity' ? [] : ['-H', `Accept-Encoding: ${args.encoding}`]
  for (let run = 0; run < Number(args.runs); run++) {
    for (const name of servers) {
      const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--serve', name, '--port', args.port, ...(args.page ? ['--page', args.page] : [])], { stdio: 'inherit' })
      await listening(port)
      const url = `http://127.0.0.1:${port}/bai-viet/bai-mau`
      execFileSync('wrk', ['-t1', '-c10', '-d2s', ...headers, url])
      const out = execFileSync('wrk', ['-t1', `-c${args.connections}`, `-d${args.duration}s`, ...headers, url]).toString()
      results[name]!.push(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]))
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  }
  const raw = median(results.raw!)
  console.log(`page ${Buffer.byteLength(body)} B, Accept-Encoding: ${args.encoding}, ${args.runs} runs of ${args.duration} s at ${args.connections} connections (wrk)`)
  for (const name of servers) console.log(`${name.padEnd(14)} ${Math.round(median(results[name]!)).toString().padStart(7)} req/s  ${(median(results[name]!) / raw).toFixed(2)} × raw  [${results[name]!.map(Math.round).join(', ')}]`)
}

/** The request metrics the portal keeps (src/ops/observe/metrics.ts), without the database's. */
function benchMetrics() {
  const registry = new Registry()
  return {
    registry,
    requests: new Counter({ name: 'requests', help: 'requests', labelNames: ['method', 'route', 'status'] as const, registers: [registry] }),
    duration: new Histogram({ name: 'duration', help: 'duration', labelNames: ['method', 'route'] as const, registers: [registry] }),
    pageCache: new Counter({ name: 'page_cache', help: 'page cache', labelNames: ['result'] as const, registers: [registry] }),
  }
}

/** Resolves once something accepts connections on `port` (a loaded machine starts a server slowly). */
async function listening(port: number): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false))
      socket.unref()
      setTimeout(() => socket.destroy(), 500)
    })
    if (ok) return
  }
  throw new Error(`nothing listens on port ${port} after 30 s`)
}
