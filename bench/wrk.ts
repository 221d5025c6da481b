import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { HOST, ROOT } from './servers.ts'

/**
 * Load from `wrk` (C, one thread): unlike a load generator in Node on the same two cores, it does
 * not saturate before the servers it measures. A Lua script sends the Host header, takes paths in
 * turn from a list, and prints its figures as JSON from `done()`. (Each path once: bench/walk.ts.)
 */

export type WrkLoad = {
  port: number
  /** Requested in turn, round and round. */
  paths: string[]
  connections: number
  /** Seconds. */
  duration: number
  headers?: Record<string, string>
  /** Run wrk on this core only (taskset). */
  cpu?: number
}

export type LoadResult = {
  requests: number
  seconds: number
  rps: number
  /** Latency percentiles in milliseconds. */
  p50: number
  p99: number
  max: number
  /** Bytes read, headers included. */
  bytes: number
  /** Non-2xx/3xx answers, and connect, read, write errors and timeouts. */
  non2xx: number
  errors: number
}

const WRK = '/usr/bin/wrk'
const SCRIPT_DIR = path.join(ROOT, 'tmp', 'bench', `wrk-${process.pid}`)

const lua = (value: string) => JSON.stringify(value)

function script(load: WrkLoad, pathsFile: string): string {
  const headers = Object.entries({ Host: HOST, ...load.headers })
    .map(([name, value]) => `[${lua(name)}] = ${lua(value)}`)
    .join(', ')
  return `
local paths = {}
for line in io.lines(${lua(pathsFile)}) do paths[#paths + 1] = line end
local headers = { ${headers} }
local sent = 0

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % #paths + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.stdout:write(string.format(
    '{"requests":%d,"duration":%d,"bytes":%d,"p50":%d,"p99":%d,"max":%d,"status":%d,"errors":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
`
}

let loads = 0

export async function wrk(load: WrkLoad): Promise<LoadResult> {
  fs.mkdirSync(SCRIPT_DIR, { recursive: true })
  const name = path.join(SCRIPT_DIR, `load-${++loads}`)
  fs.writeFileSync(`${name}.paths`, `${load.paths.join('\n')}\n`)
  fs.writeFileSync(`${name}.lua`, script(load, `${name}.paths`))
  const argv = ['-t1', `-c${load.connections}`, `-d${load.duration}s`, '--timeout', '30s', '-s', `${name}.lua`, `http://127.0.0.1:${load.port}/`]
  const command = load.cpu === undefined ? [WRK, ...argv] : ['taskset', '--cpu-list', String(load.cpu), WRK, ...argv]
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve))
  const json = output.split('\n').find((line) => line.startsWith('{"requests"'))
  if (code !== 0 || !json) throw new Error(`wrk failed (exit ${code}): ${output.trim().slice(-500)}`)
  const raw = JSON.parse(json) as { requests: number; duration: number; bytes: number; p50: number; p99: number; max: number; status: number; errors: number }
  const seconds = raw.duration / 1e6
  return {
    requests: raw.requests,
    seconds,
    rps: raw.requests / seconds,
    p50: raw.p50 / 1000,
    p99: raw.p99 / 1000,
    max: raw.max / 1000,
    bytes: raw.bytes,
    non2xx: raw.status,
    errors: raw.errors,
  }
}

/** Removes this process's scripts and path lists. */
export function removeWrkScripts(): void {
  fs.rmSync(SCRIPT_DIR, { recursive: true, force: true })
}
