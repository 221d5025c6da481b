import type { AddressInfo } from 'node:net'

import http, { type RequestListener, type Server } from 'node:http'

export type Listening = {
  server: Server
  port: number
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Stops listening and cuts kept-alive connections. */
  close: () => Promise<void>
}

/**
 * The one way tests put something on a free loopback port: an Express app or any request
 * listener, or a server already built around one (the portal's front door, a page-cache harness).
 */
export async function listen(target: RequestListener | Server): Promise<Listening> {
  const server = target instanceof http.Server ? target : http.createServer(target)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
