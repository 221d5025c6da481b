import type { Response } from 'supertest'

/**
 * A page as the next reader sees it once a purge's re-render is done: a purged page is served
 * stale once (`X-Cache: STALE`) while one request renders it again. Asks again every 20 ms until
 * the answer is not stale, for at most `withinMs` (the portal promises 1 s), and fails past that.
 */
export async function freshPage(get: () => PromiseLike<Response>, withinMs = 1000): Promise<Response> {
  const started = Date.now()
  for (;;) {
    const res = await get()
    if (res.headers['x-cache'] !== 'STALE') return res
    if (Date.now() - started > withinMs) throw new Error(`still stale after ${withinMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
