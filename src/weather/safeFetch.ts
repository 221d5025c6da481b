import type { LookupAddress } from 'node:dns'

import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

import { isInternalAddress } from './internalAddress.ts'

/** A request the outbound policy refuses; nothing was sent. */
export class RefusedDestinationError extends Error {
  override name = 'RefusedDestinationError'
}

export type SafeFetchOptions = {
  /** Allowed hosts, as `host` or `host:port`. An IP literal listed here is allowed even if private. */
  allowedHosts: string[]
  timeoutMs: number
  maxBytes?: number
}

export type SafeResponse = { status: number; body: string }

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80')
}

/** Whether the policy lets the URL's host be asked at all (before any DNS). */
export function isAllowedHost(url: URL, allowedHosts: string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = defaultPort(url)
  return allowedHosts.some((entry) => {
    const [allowedHost, allowedPort] = entry.startsWith('[') ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]] : entry.split(':')
    return allowedHost === host && (!allowedPort || allowedPort === port)
  })
}

/**
 * A GET to an allowed host only. The host name is resolved here and every address checked before
 * connecting (internal addresses are refused unless the IP itself is allowed), the connection goes
 * to the checked address, redirects are not followed, and slow or large answers are cut off.
 */
export async function safeGet(rawUrl: string, { allowedHosts, timeoutMs, maxBytes = 512 * 1024 }: SafeFetchOptions): Promise<SafeResponse> {
  const url = new URL(rawUrl)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedDestinationError(`scheme ${url.protocol} is not allowed`)
  if (url.username || url.password) throw new RefusedDestinationError('credentials in URL are not allowed')
  if (!isAllowedHost(url, allowedHosts)) throw new RefusedDestinationError(`host ${url.host} is not in WEATHER_ALLOWED_HOSTS`)
  const hostname = url.hostname.replace(/^\[|\]$/g, '')
  const explicitIp = net.isIP(hostname) !== 0

  const lookup = (host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error)
      const refused = addresses.find((entry) => isInternalAddress(entry.address) && !(explicitIp && entry.address === hostname))
      if (refused || addresses.length === 0) {
        return callback(new RefusedDestinationError(`${host} resolves to an internal address (${refused?.address ?? 'none'})`))
      }
      if (options.all) return callback(null, addresses)
      callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }

  // An IP literal passed isAllowedHost only if it is listed itself; Node connects to it without a lookup.
  const client = url.protocol === 'https:' ? https : http
  return new Promise<SafeResponse>((resolve, reject) => {
    const request = client.get(url, { lookup: lookup as never, timeout: timeoutMs, headers: { accept: 'application/json', 'user-agent': 'cong-tin-weather/1' } }, (response) => {
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400) {
        response.resume()
        request.destroy()
        return reject(new RefusedDestinationError(`redirect to ${response.headers.location ?? '?'} is not followed`))
      }
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) {
          request.destroy(new Error(`answer larger than ${maxBytes} bytes`))
          return
        }
        chunks.push(chunk)
      })
      response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    request.on('close', () => clearTimeout(deadline))
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', reject)
  })
}
