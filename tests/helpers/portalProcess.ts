import http from 'node:http'

import { HOABINH } from './demo.ts'
import { freePort, runEntry, waitForHealthy } from './serverProcess.ts'

/** Views are counted for browsers, not for bots or clients without a user agent. */
export const READER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0'

export type Reply = { status: number; body: string }

/** One request to a server on 127.0.0.1, as a browser of a site's host name (the first demo site by default). */
export function send(port: number, method: string, pathname: string, { headers = {}, body, host = HOABINH.hosts[0]! }: { headers?: Record<string, string>; body?: unknown; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const json = body === undefined ? undefined : JSON.stringify(body)
    const request = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers: { host: `${host}:${port}`, 'user-agent': READER_AGENT, ...(json ? { 'content-type': 'application/json' } : {}), ...headers } },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode!, body: text }))
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(json)
  })
}

/** The production server (`npm start`) in its own process, with the given database and folders. */
export async function startServerProcess(env: Record<string, string>) {
  const port = await freePort()
  const server = runEntry('src/server/main.ts', { NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS_AUTORUN: 'false', ...env })
  await waitForHealthy(port)
  return { port, origin: `http://127.0.0.1:${port}`, ...server }
}

/** The environment bootPortal gave this process: the database and folders of the test's portal. */
export function portalEnv(): Record<string, string> {
  const names = ['DATABASE_URL', 'PAYLOAD_SECRET', 'DATA_DIR', 'MEDIA_DIR']
  return Object.fromEntries(names.map((name) => [name, process.env[name]!]))
}
