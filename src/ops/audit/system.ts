import type { Payload } from 'payload'

import { recordAudit } from './record.ts'

/** Tallies outcomes as "created 12, failed 1". */
function tally(statuses: string[]): string {
  const counts = new Map<string, number>()
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
  return [...counts].map(([status, count]) => `${status} ${count}`).join(', ')
}

/** One entry per import run (its documents are not audited one by one: no person made each). */
export function recordImportRun(payload: Payload, site: number | string, statuses: string[]): Promise<void> {
  return recordAudit(payload, { action: 'import', collection: 'articles', site, detail: `${statuses.length} pages: ${tally(statuses)}` })
}

/** One entry for a restore, written into the restored database. */
export function recordRestore(payload: Payload, folder: string, createdAt: string): Promise<void> {
  return recordAudit(payload, { action: 'restore', detail: `${folder} (backup of ${createdAt})` })
}
