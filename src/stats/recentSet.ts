/** Expired numbers are swept out at most this often (and whenever the table must grow or is full). */
const SWEEP_INTERVAL_MS = 1_000
const MIN_SLOTS = 1 << 10
/** Over the bound, the oldest numbers go until this share of it is left, so sweeps stay rare. */
const KEPT_AFTER_OVERFLOW = 0.75

/**
 * Visitor numbers (positive 52-bit integers, see visitor.ts) seen within a time window, with at
 * most `maxSize` remembered.
 *
 * This runs for every page served, cache hits included, so a sighting must be cheap: an
 * open-addressing hash table in one Float64Array, each slot a number and the second it was seen
 * side by side (one memory access per lookup, nothing for the garbage collector). Entries are not
 * deleted one by one: at most once a second, and only when the oldest may have expired, a sweep
 * rebuilds the table without the expired ones, which keeps `size()` exact to the second.
 * A JavaScript Map did the same at several times the cost, most of it in chasing and collecting
 * the boxed 52-bit keys.
 */
export class RecentSet {
  /** Slot i holds its number at [2i] (0 = empty) and the second it was seen at [2i + 1]. */
  private slots: Float64Array<ArrayBuffer> = new Float64Array(2 * MIN_SLOTS)
  /** The previous table, reused by the next sweep of the same size (no allocation each second). */
  private spare: Float64Array<ArrayBuffer> | undefined
  private count = 0
  private readonly windowSeconds: number
  private origin: number | undefined
  private sweptAt = Number.NEGATIVE_INFINITY
  /** No number in the table was seen before this second, so no sweep is due until it expires. */
  private oldestSecond = Number.POSITIVE_INFINITY
  private newestSecond = Number.NEGATIVE_INFINITY

  constructor(
    windowMs: number,
    private readonly maxSize: number,
  ) {
    this.windowSeconds = Math.ceil(windowMs / 1000)
  }

  /** Marks the number as seen now ("Đang online": the window runs from the last sighting). */
  see(key: number, now: number): void {
    const second = this.secondOf(now)
    const at = this.indexOf(key)
    if (this.slots[at] === key) this.slots[at + 1] = second
    else this.insert(at, key, second, now)
  }

  /**
   * Adds the number unless it was added within the window ("once per article": the window runs
   * from the first, counted sighting). True when it was added.
   */
  addIfAbsent(key: number, now: number): boolean {
    const second = this.secondOf(now)
    const at = this.indexOf(key)
    if (this.slots[at] !== key) {
      this.insert(at, key, second, now)
      return true
    }
    if (this.isCurrent(this.slots[at + 1]!, second)) return false
    this.slots[at + 1] = second
    return true
  }

  /** Calls `visit` with each number seen within the window (in no particular order). */
  forEach(now: number, visit: (key: number) => void): void {
    if (this.isSweepDue(now)) this.sweep(now)
    const second = this.secondOf(now)
    const slots = this.slots
    for (let at = 0; at < slots.length; at += 2) {
      if (slots[at] !== 0 && this.isCurrent(slots[at + 1]!, second)) visit(slots[at]!)
    }
  }

  /** How many numbers were seen within the window. */
  size(now: number): number {
    if (this.isSweepDue(now)) this.sweep(now)
    return this.count
  }

  private secondOf(now: number): number {
    this.origin ??= now
    const second = Math.floor((now - this.origin) / 1000)
    if (second > this.newestSecond) this.newestSecond = second
    return second
  }

  private isCurrent(seen: number, second: number): boolean {
    // A time after `second` means the clock was set back (tests, or a corrected server clock).
    return second - seen < this.windowSeconds && seen <= second
  }

  /** Where `key` is, or the empty slot where it would go (linear probing). */
  private indexOf(key: number, slots: Float64Array = this.slots): number {
    const mask = (slots.length >> 1) - 1
    let slot = (key >>> 0) & mask
    while (slots[2 * slot] !== key && slots[2 * slot] !== 0) slot = (slot + 1) & mask
    return 2 * slot
  }

  private insert(at: number, key: number, second: number, now: number): void {
    this.slots[at] = key
    this.slots[at + 1] = second
    this.count++
    if (second < this.oldestSecond) this.oldestSecond = second
    // At most half full, so that probes stay short; a sweep first, as it may free enough room.
    if (this.count * 4 > this.slots.length || this.count > this.maxSize || this.isSweepDue(now)) this.sweep(now)
  }

  private isSweepDue(now: number): boolean {
    const second = this.secondOf(now)
    // After a clock set back, what was seen "later" goes at once.
    if (second < this.newestSecond) return true
    return now - this.sweptAt >= SWEEP_INTERVAL_MS && second - this.oldestSecond >= this.windowSeconds
  }

  /** Rebuilds the table with the numbers still within the window, the newest `maxSize` at most. */
  private sweep(now: number): void {
    this.sweptAt = now
    const second = this.secondOf(now)
    this.newestSecond = second
    const old = this.slots
    // One pass: how many numbers were seen at each age (in seconds) within the window.
    const perAge = new Int32Array(this.windowSeconds)
    let current = 0
    for (let at = 0; at < old.length; at += 2) {
      const age = second - old[at + 1]!
      if (old[at] !== 0 && age >= 0 && age < this.windowSeconds) {
        perAge[age]!++
        current++
      }
    }
    // Over the bound (a flood of new visitors within one window): keep only the newest.
    const limit = current > this.maxSize ? Math.floor(this.maxSize * KEPT_AFTER_OVERFLOW) : current
    let maxAge = 0
    let kept = 0
    while (maxAge < this.windowSeconds && kept + perAge[maxAge]! <= limit) kept += perAge[maxAge++]!

    let capacity = MIN_SLOTS
    while (capacity < kept * 4) capacity *= 2
    const slots = this.spare?.length === 2 * capacity ? this.spare.fill(0) : new Float64Array(2 * capacity)
    this.oldestSecond = Number.POSITIVE_INFINITY
    for (let at = 0; at < old.length; at += 2) {
      const key = old[at]!
      const seen = old[at + 1]!
      const age = second - seen
      if (key === 0 || age < 0 || age >= maxAge) continue
      const to = this.indexOf(key, slots)
      slots[to] = key
      slots[to + 1] = seen
      if (seen < this.oldestSecond) this.oldestSecond = seen
    }
    this.spare = old
    this.slots = slots
    this.count = kept
  }
}
