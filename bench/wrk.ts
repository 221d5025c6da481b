import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { ROOT } from './servers.ts'

/**
 * Load from `wrk` (C): unlike a load generator in Node on the same two cores, it does not saturate
 * before the servers it measures. A Lua script sends the headers, takes paths in turn from a list
 * when given one, and prints its figures as JSON from `done()` (rather than wrk's text report).
 * Each path once, stopping after the list: bench/walk.ts.
 */

export const WRK = '/usr/bin/wrk'

export type WrkOptions = {
  /** The address loaded; with `paths`, only its origin counts. */
  url: string
  /** Requested in turn, round and round. */
  paths?: string[]
  headers?: Record<string, string>
  connections: number
  durationSeconds: number
  threads?: number
  /** Run wrk on this core only (taskset). */
  cpu?: number
}

export type WrkResult = {
  requestsPerSecond: number
  /** Latency percentiles and maximum in milliseconds. */
  latency: { p50: number; p90: number; p99: number; max: number }
  requests: number
  seconds: number
  /** Bytes read, headers included. */
  bytes: number
  /** Answers outside 2xx/3xx. */
  non2xx: number
  /** Connect, read, write and timeout errors, and answers outside 2xx/3xx. */
  errors: number
}

const SCRIPT_DIR = path.join(ROOT, 'tmp', 'bench', `wrk-${process.pid}`)
const lua = (value: string) => JSON.stringify(value)

function script(headers: Record<string, string>, pathsFile: string | undefined): string {
  const table = Object.entries(headers)
    .map(([name, value]) => `[${lua(name)}] = ${lua(value)}`)
    .join(', ')
  const request = pathsFile
    ? `
local paths = {}
for line in io.lines(${lua(pathsFile)}) do paths[#paths + 1] = line end
local sent = 0
function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % #paths + 1], headers)
end`
    : `
function request()
  return wrk.format("GET", nil, headers)
end`
  return `
local headers = { ${table} }
${request}

function done(summary, latency, requests)
  local e = summary.errors
  io.stdout:write(string.format(
    '{"requests":%d,"duration":%d,"bytes":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"status":%d,"socket":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
`
}

let scripts = 0

export async function runWrk({ url, paths, headers = {}, connections, durationSeconds, threads = 1, cpu }: WrkOptions): Promise<WrkResult> {
  fs.mkdirSync(SCRIPT_DIR, { recursive: true })
  const name = path.join(SCRIPT_DIR, `load-${++scripts}`)
  if (paths) fs.writeFileSync(`${name}.paths`, `${paths.join('\n')}\n`)
  fs.writeFileSync(`${name}.lua`, script(headers, paths && `${name}.paths`))
  const argv = ['-t', String(threads), '-c', String(connections), '-d', `${durationSeconds}s`, '--timeout', '30s', '-s', `${name}.lua`, url]
  const command = cpu === undefined ? [WRK, ...argv] : ['taskset', '--cpu-list', String(cpu), WRK, ...argv]
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve))
  fs.rmSync(SCRIPT_DIR, { recursive: true, force: true })
  const json = output.split('\n').find((line) => line.startsWith('{"requests"'))
  if (code !== 0 || !json) throw new Error(`wrk failed (exit ${code}): ${output.trim().slice(-500)}`)
  const report = JSON.parse(json) as Record<'requests' | 'duration' | 'bytes' | 'p50' | 'p90' | 'p99' | 'max' | 'status' | 'socket', number>
  const seconds = report.duration / 1e6
  return {
    requestsPerSecond: report.requests / seconds,
    latency: { p50: report.p50 / 1000, p90: report.p90 / 1000, p99: report.p99 / 1000, max: report.max / 1000 },
    requests: report.requests,
    seconds,
    bytes: report.bytes,
    non2xx: report.status,
    errors: report.status + report.socket,
  }
}
