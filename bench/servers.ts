import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** What the benchmarks share: servers in child processes, plain GETs, medians. */

export const ROOT = path.resolve(import.meta.dirname, '..')
// Always with the production condition: Node 20 + Lexical otherwise may exit silently (code 13).
export const NODE = [process.execPath, '--conditions=production', '--import', 'tsx']
// The demo site 'hoabinh' answers to this Host.
export const HOST = 'localhost'

/** The preferred port when it is free, any free port otherwise. */
export function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const probe = net.createServer().once('error', reject)
      probe.listen(port, '127.0.0.1', () => {
        const { port: bound } = probe.address() as net.AddressInfo
        probe.close(() => resolve(bound))
      })
    })
  return tryPort(preferred).catch(() => tryPort(0))
}

export type Answer = { status: number; body: Buffer; headers: http.IncomingHttpHeaders; cache?: string }

/** One request with the site's Host header; `json` is sent as the body. Nothing decoded: `body` holds the bytes sent. */
export function request(port: number, method: string, urlPath: string, options: { headers?: http.OutgoingHttpHeaders; json?: unknown } = {}): Promise<Answer> {
  const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json))
  const headers = { host: HOST, ...options.headers, ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }) }
  return new Promise((resolve, reject) => {
    // node:http rather than fetch, which does not let us set the Host header.
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers, cache: res.headers['x-cache'] as string | undefined }),
      )
    })
    req.on('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath} timed out`)))
    req.end(payload)
  })
}

export const get = (port: number, urlPath: string, headers: http.OutgoingHttpHeaders = {}) => request(port, 'GET', urlPath, { headers })

/**
 * Starts a child and waits until `urlPath` answers 200; fails early if the child exits.
 * With `cpu`, the child runs on that core only (see pinToCore).
 */
export async function startServer(name: string, argv: string[], env: NodeJS.ProcessEnv, port: number, urlPath: string, cpu?: number): Promise<ChildProcess> {
  const command = [...NODE, ...argv]
  if (cpu !== undefined) command.unshift('taskset', '--cpu-list', String(cpu))
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start (${child.exitCode ?? child.signalCode})`)
    const answer = await get(port, urlPath).catch(() => undefined)
    if (answer?.status === 200) return child
    await sleep(500)
  }
  child.kill('SIGKILL')
  throw new Error(`${name} did not answer ${urlPath} within 3 minutes`)
}

/** SIGTERM (the servers finish in-flight requests and close the database), SIGKILL after 15 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/**
 * Pins this process (the load generator) to core 0 and returns the core for the servers, when the
 * machine has two or more and `taskset` is there. Otherwise the load generator and the server
 * share cores, and their race for them shows up as noise in every figure.
 */
export function pinToCore(): number | undefined {
  if (os.availableParallelism() < 2) return undefined
  const pinned = spawnSync('taskset', ['--cpu-list', '--pid', '0', String(process.pid)], { stdio: 'ignore' })
  return pinned.status === 0 ? 1 : undefined
}

export const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
