import type { Payload, TaskConfig } from 'payload'

import { env } from '../../config/env.ts'
import { AUDIT_COLLECTION } from './actions.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** Deletes audit entries older than the retention period (AUDIT_RETENTION_DAYS); returns how many. */
export async function pruneAuditTrail(payload: Payload, { now = new Date(), days = env().auditRetentionDays } = {}): Promise<number> {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString()
  // server rights: nobody may delete audit entries through the API; only the retention job does.
  const result = await payload.delete({ collection: AUDIT_COLLECTION, where: { createdAt: { less_than: before } }, overrideAccess: true, depth: 0 })
  return result.docs.length
}

/** Runs the retention once a day on the default queue (the server's job runner). */
export const pruneAuditTask = (): TaskConfig => ({
  slug: 'pruneAuditTrail',
  label: 'Xóa nhật ký quá hạn lưu',
  retries: 0,
  schedule: [{ cron: '30 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => ({ output: { deleted: await pruneAuditTrail(req.payload) } }),
})
