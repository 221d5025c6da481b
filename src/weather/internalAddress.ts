import net from 'node:net'

/** IPv4 networks never to be called: unspecified, private, loopback, link-local (cloud metadata), CGNAT, multicast. */
const BLOCKED_V4 = new net.BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED_V4.addSubnet(network, prefix, 'ipv4')
}

/**
 * IPv6 networks refused whole: unspecified and loopback, unique-local, link-local, multicast, the
 * NAT64 prefixes (well-known and local-use; a translator may reach any IPv4 address) and Teredo.
 */
const BLOCKED_V6 = new net.BlockList()
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2001::', 32],
] as const) {
  BLOCKED_V6.addSubnet(network, prefix, 'ipv6')
}

/** The eight 16-bit groups of an IPv6 address in any spelling (`::`, a dotted IPv4 tail). */
export function ipv6Groups(address: string): number[] | undefined {
  if (!net.isIPv6(address)) return undefined
  let text = address.toLowerCase().replace(/%.*$/, '')
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined]
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : []
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = [...headGroups, ...Array(tail === undefined ? 0 : missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16))
  return groups.length === 8 ? groups : undefined
}

const dottedQuad = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`

/**
 * The IPv4 address an IPv6 address stands for, where the network would deliver to it: IPv4-mapped
 * (`::ffff:a.b.c.d`, also written `::ffff:7f00:1`), IPv4-translated (`::ffff:0:a.b.c.d`),
 * IPv4-compatible (`::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::/48`).
 */
export function embeddedIPv4(groups: number[]): string | undefined {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0)
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return dottedQuad(groups[6]!, groups[7]!)
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return dottedQuad(groups[6]!, groups[7]!)
  if (groups[0] === 0x2002) return dottedQuad(groups[1]!, groups[2]!)
  return undefined
}

/** Whether an address (v4 or v6, in any spelling) is, or leads to, a network the portal must never call. */
export function isInternalAddress(address: string): boolean {
  if (net.isIPv4(address)) return BLOCKED_V4.check(address, 'ipv4')
  const groups = ipv6Groups(address)
  if (!groups) return true
  const normal = groups.map((group) => group.toString(16)).join(':')
  if (BLOCKED_V6.check(normal, 'ipv6')) return true
  const v4 = embeddedIPv4(groups)
  return v4 !== undefined && BLOCKED_V4.check(v4, 'ipv4')
}
