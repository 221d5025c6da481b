import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export const WRK = '/usr/bin/wrk'

export type WrkResult = {
  requestsPerSecond: number
  /** Latency percentiles in milliseconds. */
  latency: { p50: number; p90: number; p99: number }
  requests: number
  /** Connect, read, write and timeout errors, and answers outside 2xx/3xx. */
  errors: number
}

export type WrkOptions = {
  url: string
  headers?: Record<string, string>
  connections: number
  durationSeconds: number
  threads?: number
}

/** Runs wrk against one address and reads its report (with `--latency` percentiles). */
export async function runWrk({ url, headers = {}, connections, durationSeconds, threads = 1 }: WrkOptions): Promise<WrkResult> {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${durationSeconds}s`, '--latency', '--timeout', '10s']
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  const { stdout } = await execFileAsync(WRK, [...args, url], { timeout: (durationSeconds + 30) * 1000 })
  return parseWrk(stdout)
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 }

function parseWrk(report: string): WrkResult {
  const number = (pattern: RegExp) => Number(report.match(pattern)?.[1] ?? Number.NaN)
  const percentile = (label: string) => {
    const match = report.match(new RegExp(`^\\s+${label}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'))
    return match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN
  }
  const socketErrors = report.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
  const errors = (socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0) + (number(/Non-2xx or 3xx responses: (\d+)/) || 0)
  const result = {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    latency: { p50: percentile('50'), p90: percentile('90'), p99: percentile('99') },
    requests: number(/(\d+) requests in/),
    errors,
  }
  if (!Number.isFinite(result.requestsPerSecond) || !Number.isFinite(result.latency.p50)) throw new Error(`cannot read wrk's report:\n${report}`)
  return result
}
