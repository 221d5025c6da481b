import { EventEmitter } from 'node:events'

/**
 * In-process notices from collection hooks to the public site (cache purges, site table).
 * Other instances catch up through short time-outs.
 */
type ContentEvents = { sitesChanged: [] }

export const contentEvents = new EventEmitter<ContentEvents>()
