import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import type { PayloadJob } from '../../payload-types.ts'

import { recordAudit } from './record.ts'

type ScheduleInput = { type?: 'publish' | 'unpublish' | null; doc?: { relationTo: string; value: number | string | { id: number | string } } }

/** A scheduled publish or unpublish is a job Payload queues: the trail records who queued it and for when. */
const auditSchedule: CollectionAfterChangeHook<PayloadJob> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.taskSlug !== 'schedulePublish' || !req.user) return doc
  const input = (doc.input ?? {}) as ScheduleInput
  const target = input.doc?.value
  await recordAudit(
    req.payload,
    { action: 'schedule', collection: input.doc?.relationTo, documentId: target && typeof target === 'object' ? target.id : target, detail: `${input.type ?? 'publish'} ${doc.waitUntil ?? ''}`.trim() },
    { req },
  )
  return doc
}

/** For `jobs.jobsCollectionOverrides`: Payload's jobs collection with the schedule audit hook. */
export function auditScheduledJobs({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  const hooks = defaultJobsCollection.hooks ?? {}
  return { ...defaultJobsCollection, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), auditSchedule as CollectionAfterChangeHook] } }
}
