import http from 'node:http'

/** Runs `count` jobs with at most `concurrency` in flight; returns their results in order. */
export async function inParallel<T>(count: number, concurrency: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++
        results[index] = await job(index)
      }
    }),
  )
  return results
}

/** A distinct reader address per index, for X-Forwarded-For (the app trusts the loopback proxy). */
export const readerAddress = (index: number) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })

/**
 * A GET over kept-alive connections with any headers (fetch cannot set Host); resolves with the
 * status and body. `via` chooses the connections, e.g. one from a given local address.
 */
export function httpGet(origin: string, path: string, headers: Record<string, string>, via: http.Agent = agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}${path}`, { agent: via, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}
