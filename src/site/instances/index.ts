import type { Payload } from 'payload'

import { contentEvents } from '../contentEvents.ts'
import { createPgRelay, type InstanceRelay } from './pgRelay.ts'

export type { InstanceRelay } from './pgRelay.ts'

const relays = new WeakMap<Payload, InstanceRelay>()

/**
 * Relays this process's content events to the other instances on the same database, and theirs to
 * it (see pgRelay.ts), when there can be others:
 * - PostgreSQL: through LISTEN/NOTIFY, on one extra connection per process;
 * - SQLite: no relay; one server process owns the file (a CLI beside it writes through the same
 *   file, and its changes reach the server's page cache when the pages expire);
 * - MongoDB: no relay yet; each instance sees another's changes when its cached pages expire
 *   (a change stream on a replica set would be the way to add one).
 * Resolves once the relay listens (or has logged that it will keep trying).
 */
export async function startInstanceRelay(payload: Payload, databaseUrl: string): Promise<InstanceRelay | undefined> {
  if (payload.db.name !== 'postgres' || relays.has(payload)) return relays.get(payload)
  const relay = createPgRelay({
    connectionString: databaseUrl,
    events: contentEvents,
    listSites: () => siteIds(payload),
    logger: {
      info: (message) => payload.logger.info(message),
      warn: (message) => payload.logger.warn(message),
      error: (details) => payload.logger.error(details),
    },
  })
  relays.set(payload, relay)
  await relay.ready
  return relay
}

/** The relay of this Payload instance, if one was started. */
export function instanceRelayOf(payload: Payload): InstanceRelay | undefined {
  return relays.get(payload)
}

export async function stopInstanceRelay(payload: Payload): Promise<void> {
  const relay = relays.get(payload)
  relays.delete(payload)
  await relay?.close()
}

async function siteIds(payload: Payload): Promise<string[]> {
  // server rights: every site's id, to purge all pages after notices may have been missed; nothing is shown.
  const sites = await payload.find({ collection: 'sites', depth: 0, select: {}, pagination: false, overrideAccess: true })
  return sites.docs.map((site) => String(site.id))
}
