import { EventEmitter } from 'node:events'

import type { PageChange } from './cache/types.ts'

/**
 * In-process notices from the data side to the public site. The page cache, the site table and
 * the site chrome listen; with several instances on one PostgreSQL, src/site/instances relays
 * them to the others (`remote` marks a relayed notice, which is not relayed again).
 */
type ContentEvents = {
  sitesChanged: [remote?: boolean]
  /** Pages of a site that show what changed are out of date (see PageChange). */
  pagesChanged: [change: PageChange, remote?: boolean]
}

export const contentEvents = new EventEmitter<ContentEvents>()
