import http, { type Server } from 'node:http'
import type { Payload } from 'payload'

import type { NextRequestHandler } from './nextRoutes.ts'

import { ConfigError, env, insecureServerUrlWarning } from '../config/env.ts'
import { DatabaseUnavailableError } from '../db/preflight.ts'
import { startDueArticles } from '../site/readModel/due.ts'
import { flushVisits } from '../stats/http.ts'
import { createPortal } from './createApp.ts'
import { stopPayload } from './startPayload.ts'

/** In-flight requests get this long to finish after SIGTERM/SIGINT before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000

/** Listens, and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, then closes the database. */
export function serve(payload: Payload, handleNext: NextRequestHandler, onListening?: () => void): Server {
  const settings = env()
  const { listener } = createPortal({ payload, handleNext })
  const server = http.createServer(listener)
  const warning = insecureServerUrlWarning(settings)
  if (warning) payload.logger.warn(warning)
  server.listen(settings.port, settings.host, () => {
    payload.logger.info(`Cổng tin is listening on ${settings.serverUrl} (database: ${payload.db.name})`)
    onListening?.()
  })
  server.on('error', (error) => exitWithError(error))
  // Articles published with a time still to come enter the read model when it comes.
  const stopDueArticles = startDueArticles(payload)

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal} received: finishing in-flight requests`)
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref()
    stopDueArticles()
    server.close(async () => {
      await flushVisits(payload).catch((error) => payload.logger.error({ err: error, msg: 'visit counters: last flush failed' }))
      await stopPayload(payload)
      payload.logger.info('stopped')
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  return server
}

/** One line for configuration and database problems; a stack trace only for the unexpected. */
export function exitWithError(error: unknown): never {
  const expected = error instanceof ConfigError || error instanceof DatabaseUnavailableError
  const listenError = (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE'
  const message = expected || listenError ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`Cổng tin cannot start: ${message}\n`)
  process.exit(1)
}
