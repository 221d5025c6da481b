import http from 'node:http'

import type { WrkResult } from './wrk.ts'

import { HOST } from './servers.ts'

/**
 * Each path requested once, `connections` at a time over keep-alive connections, each answer read
 * whole and timed: the cold row (2,000 articles on a server just started) and filling the page
 * cache. Node rather than wrk, which cannot stop after a list without leaving idle connections
 * that the server then closes or answers 408. At the few hundred requests a second of these walks,
 * the client's own cost (tens of microseconds a request, on the other core) does not limit them.
 */
export async function walk(options: { port: number; paths: string[]; connections: number; headers?: Record<string, string> }): Promise<WrkResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies: number[] = []
  let next = 0
  let bytes = 0
  let non2xx = 0
  let errors = 0
  const fetchOne = (urlPath: string) =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint()
      const req = http.get({ host: '127.0.0.1', port: options.port, path: urlPath, agent, headers: { host: HOST, ...options.headers } }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
          if ((res.statusCode ?? 0) >= 400) non2xx++
          resolve()
        })
      })
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')))
      req.on('error', () => {
        errors++
        resolve()
      })
    })
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (next < options.paths.length) await fetchOne(options.paths[next++]!)
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0
  return {
    requestsPerSecond: latencies.length / seconds,
    latency: { p50: percentile(50), p90: percentile(90), p99: percentile(99), max: latencies.at(-1) ?? 0 },
    requests: latencies.length,
    seconds,
    bytes,
    non2xx,
    errors: non2xx + errors,
  }
}
