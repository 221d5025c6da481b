import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

type LogPush = { $push: unknown }

const isPush = (value: unknown): value is LogPush => typeof value === 'object' && value !== null && !Array.isArray(value) && '$push' in value

/**
 * Payload's job runner appends each task's log entry as `{ log: { $push: entry } }`. With
 * `jobs.runHooks` (needed for the schedule audit) that update goes through `payload.update`, whose
 * field checks accept only an array for an array field: every job then ended as failed with
 * "Status > Log" invalid, even when its task succeeded. Written out here as the whole new list.
 */
const appendTaskLog: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (!isPush(data.log)) return data
  const pushed = data.log.$push
  const previous = Array.isArray(originalDoc?.log) ? (originalDoc.log as unknown[]) : []
  return { ...data, log: [...previous, ...(Array.isArray(pushed) ? pushed : [pushed])] }
}

/** For `jobs.jobsCollectionOverrides`: the jobs collection whose task log updates pass the field checks. */
export function withTaskLogAppends(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, beforeChange: [appendTaskLog, ...(hooks.beforeChange ?? [])] } }
}
