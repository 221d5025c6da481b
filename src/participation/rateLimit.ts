/**
 * Submissions per address in a fixed window, in this process's memory (bounded to `maxKeys`
 * addresses). With several instances each counts its own share, so the limit applies per instance.
 */
export type RateLimiter = { hit: (key: string, now?: number) => { attempts: number; retryAfterSeconds: number } }

export function createRateLimiter(windowMs: number, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { start: number; attempts: number }>()
  return {
    hit(key, now = Date.now()) {
      let entry = windows.get(key)
      if (!entry || now - entry.start >= windowMs) {
        if (entry) windows.delete(key)
        if (windows.size >= maxKeys) {
          for (const [old, value] of windows) if (now - value.start >= windowMs) windows.delete(old)
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!)
        }
        entry = { start: now, attempts: 0 }
        windows.set(key, entry)
      }
      entry.attempts++
      return { attempts: entry.attempts, retryAfterSeconds: Math.ceil((entry.start + windowMs - now) / 1000) }
    },
  }
}
