import type { IncomingMessage } from 'node:http'

import net from 'node:net'

/** Which connections may speak for the reader through X-Forwarded-For / X-Forwarded-Proto. */
export type ProxyTrust = (address: string, hop: number) => boolean

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

/**
 * `TRUST_PROXY`: a hop count (`1`: the one proxy in front, whatever its address), or
 * comma-separated addresses, subnets (`10.0.0.0/8`) and the names loopback, linklocal and
 * uniquelocal. Unset: loopback. `0`: trust nobody. Throws on a value it cannot read.
 */
export function parseProxyTrust(raw: string | undefined): ProxyTrust {
  const value = (raw ?? '').trim() || 'loopback'
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return (_address, hop) => hop < hops
  }
  const list = new net.BlockList()
  for (const entry of value.split(',').flatMap((item) => NAMED[item.trim().toLowerCase()] ?? [item.trim()])) {
    const [address, bits] = entry.split('/')
    const family = net.isIP(address ?? '')
    if (!family) throw new Error(`TRUST_PROXY: "${entry}" is neither an address, a subnet nor loopback/linklocal/uniquelocal`)
    const type = family === 6 ? 'ipv6' : 'ipv4'
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits)
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: bad prefix in "${entry}"`)
    list.addSubnet(address!, prefix, type)
  }
  return (address) => {
    const plain = unmapped(address)
    const family = net.isIP(plain)
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address
}

/**
 * The reader's address: the connection's, or, while the hop is a trusted proxy, the next address
 * of X-Forwarded-For from the right. The same rule Express applies to `req.ip` with this trust.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  let address = unmapped(req.socket.remoteAddress ?? '')
  const header = req.headers['x-forwarded-for']
  if (!header) return address
  const forwarded = (Array.isArray(header) ? header.join(',') : header).split(',').map((item) => item.trim()).filter(Boolean)
  for (let hop = 0; forwarded.length > 0 && trust(address, hop); hop++) address = unmapped(forwarded.pop()!)
  return address
}

/**
 * The key limits and identities use for an address: IPv4 as it is, IPv6 by its /64 (one home
 * or office gets a whole /64 and can pick any address in it).
 */
export function addressKey(address: string): string {
  if (net.isIPv6(address)) {
    return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
  }
  return address
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...middle, ...right].map((part) => part.toLowerCase().replace(/^0+(?=.)/, ''))
}
