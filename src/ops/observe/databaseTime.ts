import type { BaseDatabaseAdapter, Payload } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'
import { Histogram } from 'prom-client'

/**
 * The adapter methods that reach the database, by Payload's adapter contract: the same names on the
 * SQLite, PostgreSQL and MongoDB adapters, so wrapping them needs no knowledge of a driver.
 */
const OPERATIONS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies readonly (keyof BaseDatabaseAdapter)[]

type Operation = (typeof OPERATIONS)[number]
type Labels = 'collection' | 'operation'

const histograms = new WeakMap<object, Histogram<Labels>>()
/** Set while an operation is being timed: one the adapter calls from inside another (upsert → updateOne) is not timed twice. */
const timing = new AsyncLocalStorage<true>()

/** Which collection (or global) an operation works on; the job queue's own method names none. */
function targetOf(operation: Operation, args: unknown): string {
  const named = args as { collection?: unknown; global?: unknown } | undefined
  if (typeof named?.collection === 'string') return named.collection
  if (typeof named?.global === 'string') return named.global
  return operation === 'updateJobs' ? 'payload-jobs' : ''
}

/**
 * Time spent in the database, by operation and collection: the Payload instance's adapter methods
 * are wrapped once (a second call returns the same histogram), and the histogram belongs to no
 * registry until the caller registers it. Time is from the call to its settled promise, so a write
 * waiting for SQLite's one writer counts its wait.
 */
export function databaseTime(payload: Payload): Histogram<Labels> {
  const adapter: object = payload.db
  const existing = histograms.get(adapter)
  if (existing) return existing
  const histogram = new Histogram<Labels>({
    name: 'congtin_db_operation_duration_seconds',
    help: 'Time spent in database operations (Payload adapter calls), by operation and collection',
    labelNames: ['operation', 'collection'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [],
  })
  const methods = adapter as unknown as Record<Operation, ((...args: unknown[]) => unknown) | undefined>
  for (const operation of OPERATIONS) {
    const original = methods[operation]
    if (typeof original !== 'function') continue
    methods[operation] = function timed(this: unknown, ...args: unknown[]) {
      if (timing.getStore()) return original.apply(this, args)
      const started = process.hrtime.bigint()
      const observe = () => histogram.observe({ operation, collection: targetOf(operation, args[0]) }, Number(process.hrtime.bigint() - started) / 1e9)
      return timing.run(true, async () => {
        try {
          return await original.apply(this, args)
        } finally {
          observe()
        }
      })
    }
  }
  histograms.set(adapter, histogram)
  return histogram
}
