import crypto from 'node:crypto'
import pg from 'pg'

import type { PageChange } from '../cache/types.ts'
import type { contentEvents } from '../contentEvents.ts'

import { decodeNotice, encodeNotice, type Notice } from './notices.ts'

export type ContentEventEmitter = typeof contentEvents

type Logger = {
  info: (message: string) => void
  warn: (message: string) => void
  error: (details: { err: unknown; msg: string }) => void
}

export type PgRelayOptions = {
  connectionString: string
  /** The process's content events (a test gives each relay its own emitter). */
  events: ContentEventEmitter
  /** Ids of every site: after notices may have been missed, all their pages are purged. */
  listSites: () => Promise<string[]>
  logger: Logger
  channel?: string
  /** Reconnection waits this long after the first failure, doubling up to `maxBackoffMs`. */
  minBackoffMs?: number
  maxBackoffMs?: number
  /** A query checks the connection this often; one that takes `heartbeatTimeoutMs` counts as lost. */
  heartbeatMs?: number
  heartbeatTimeoutMs?: number
}

export type InstanceRelay = {
  /** This instance's random id, carried by every notice it sends. */
  readonly id: string
  /** Whether the listening connection is up. */
  connected: () => boolean
  /** The backend process id of the listening connection (tests cut it to check the reconnection). */
  backendPid: () => number | undefined
  /** Stops listening and relaying; what is still queued is dropped. */
  close: () => Promise<void>
}

export const CONTENT_CHANNEL = 'cong_tin_content'

/** Notices waiting for the connection beyond this are replaced by one `everything` notice. */
const MAX_QUEUED = 1_000
const CLOSE_TIMEOUT_MS = 2_000

/**
 * Relays content events between instances on one PostgreSQL database through LISTEN/NOTIFY, on a
 * connection of its own (outside every transaction: a NOTIFY sent inside one would only leave at
 * its commit, and a rollback would drop it).
 *
 * - A local event (`remote` falsy) is sent as one or a few notices (see notices.ts) when it fires;
 *   the data side fires its events after the writing transaction commits, so that another
 *   instance re-rendering on a notice reads the new data.
 * - A notice from another instance is emitted locally with `remote = true`, which is never sent
 *   again; the instance's own notices come back to it too, and are ignored by their id.
 * - Notices are not stored: an instance whose connection drops misses what others send meanwhile.
 *   It reconnects with exponential backoff, and once listening again it purges every page of
 *   every site and reloads the site table, since any of them may have changed. What it wanted to
 *   send meanwhile waits in a bounded queue and leaves once it is connected again (over the bound,
 *   one `everything` notice replaces the queue and the others purge everything instead).
 */
export function createPgRelay(options: PgRelayOptions): InstanceRelay & { ready: Promise<void> } {
  const { connectionString, events, listSites, logger, channel = CONTENT_CHANNEL } = options
  const { minBackoffMs = 250, maxBackoffMs = 10_000, heartbeatMs = 30_000, heartbeatTimeoutMs = 10_000 } = options
  const id = crypto.randomBytes(8).toString('hex')
  let client: pg.Client | undefined
  let everConnected = false
  let closing = false
  let failures = 0
  let reconnectTimer: NodeJS.Timeout | undefined
  let queue: string[] = []

  const send = (notice: Notice) => {
    if (queue.length === 0 && client) {
      for (const payload of encodeNotice(notice)) void notify(client, payload)
      return
    }
    enqueue(encodeNotice(notice))
  }

  const enqueue = (payloads: string[]) => {
    queue.push(...payloads)
    if (queue.length > MAX_QUEUED) queue = encodeNotice({ from: id, kind: 'everything' })
  }

  const notify = async (to: pg.Client, payload: string) => {
    try {
      await inTurn(to, () => to.query('SELECT pg_notify($1, $2)', [channel, payload]))
    } catch (error) {
      if (closing) return
      // Lost with the connection: sent again once reconnected. Refused by a working connection: dropped.
      if (to !== client || !isUsable(to)) return enqueue([payload])
      logger.error({ err: error, msg: 'instance relay: a notice was refused' })
    }
  }

  const onSitesChanged = (remote?: boolean) => {
    if (!remote) send({ from: id, kind: 'sites' })
  }
  const onPagesChanged = (change: PageChange, remote?: boolean) => {
    if (!remote) send({ from: id, kind: 'pages', change })
  }

  const deliver = (notice: Notice) => {
    if (notice.kind === 'sites') events.emit('sitesChanged', true)
    else if (notice.kind === 'pages') events.emit('pagesChanged', notice.change, true)
    else void purgeEverything()
  }

  /** Everything may have changed: the site table and every page of every site. */
  const purgeEverything = async () => {
    try {
      events.emit('sitesChanged', true)
      for (const site of await listSites()) events.emit('pagesChanged', { site }, true)
    } catch (error) {
      logger.error({ err: error, msg: 'instance relay: purging every site failed' })
    }
  }

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== channel || !message.payload) return
    const notice = decodeNotice(message.payload)
    if (!notice) return logger.warn(`instance relay: ignored a notice it cannot read: ${message.payload.slice(0, 200)}`)
    if (notice.from === id) return
    try {
      deliver(notice)
    } catch (error) {
      logger.error({ err: error, msg: 'instance relay: a listener failed on a notice' })
    }
  }

  const connect = async () => {
    reconnectTimer = undefined
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: `cong-tin relay ${id}` })
    next.on('notification', onNotification)
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    try {
      await next.connect()
      await next.query(`LISTEN ${channel}`)
    } catch (error) {
      void next.end().catch(() => {})
      if (closing) return
      logger.warn(`instance relay: cannot listen on PostgreSQL (${(error as Error).message}); retrying`)
      return scheduleReconnect()
    }
    if (closing) return void next.end().catch(() => {})
    client = next
    failures = 0
    if (everConnected) {
      logger.info('instance relay: listening again; purging every site, as notices may have been missed')
      await purgeEverything()
    }
    everConnected = true
    const waiting = queue
    queue = []
    for (const payload of waiting) void notify(next, payload)
  }

  const lost = (which: pg.Client) => {
    if (which !== client || closing) return
    client = undefined
    logger.warn('instance relay: the PostgreSQL connection was lost; reconnecting')
    void which.end().catch(() => {})
    scheduleReconnect()
  }

  const scheduleReconnect = () => {
    if (closing || reconnectTimer) return
    const delay = Math.min(maxBackoffMs, minBackoffMs * 2 ** failures++) * (0.5 + Math.random() / 2)
    reconnectTimer = setTimeout(() => void connect(), delay)
    reconnectTimer.unref()
  }

  // A connection can die without a word (a NAT or firewall forgetting it): ask it now and then.
  const heartbeat = setInterval(() => {
    const current = client
    if (!current) return
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), heartbeatTimeoutMs).unref())
    void Promise.race([inTurn(current, () => current.query('SELECT 1')).then(() => 'ok' as const), timeout])
      .catch(() => 'failed' as const)
      .then((answer) => {
        if (answer !== 'ok') lost(current)
      })
  }, heartbeatMs)
  heartbeat.unref()

  events.on('sitesChanged', onSitesChanged)
  events.on('pagesChanged', onPagesChanged)

  return {
    id,
    ready: connect(),
    connected: () => client !== undefined,
    backendPid: () => (client as (pg.Client & { processID?: number }) | undefined)?.processID,
    async close() {
      closing = true
      clearInterval(heartbeat)
      clearTimeout(reconnectTimer)
      events.off('sitesChanged', onSitesChanged)
      events.off('pagesChanged', onPagesChanged)
      const current = client
      client = undefined
      queue = []
      if (current) await Promise.race([current.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())])
    },
  }
}

const turns = new WeakMap<pg.Client, Promise<unknown>>()

/** Runs the client's queries one after the other (pg warns about queries sent while one runs). */
function inTurn<T>(client: pg.Client, query: () => Promise<T>): Promise<T> {
  const result = (turns.get(client) ?? Promise.resolve()).catch(() => undefined).then(query)
  turns.set(client, result)
  return result
}

/** Whether the client can still run queries (pg marks a client that lost its connection). */
function isUsable(client: pg.Client): boolean {
  const state = client as pg.Client & { _ending?: boolean; _connectionError?: boolean }
  return !state._ending && !state._connectionError
}
