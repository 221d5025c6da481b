import type { Payload } from 'payload'

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

import { visitStats } from '../../stats/visitStats.ts'
import { databaseTime } from './databaseTime.ts'

export type MetricsSources = {
  payload: Payload
  /** Entries and bytes held by the page cache. */
  pageCache?: { stats: () => { entries: number; bytes: number } }
  visitsCounting?: boolean
}

export type PortalMetrics = {
  registry: Registry
  requests: Counter<'method' | 'route' | 'status'>
  duration: Histogram<'method' | 'route'>
  pageCache: Counter<'result'>
}

/**
 * The portal's Prometheus metrics, in a registry of their own: requests and latency by route
 * pattern, page-cache results and size, database time by operation and collection, visit-counter
 * flush lag, job queue length, and Node's defaults (memory, event loop, GC).
 */
export function createMetrics({ payload, pageCache, visitsCounting = true }: MetricsSources): PortalMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({ name: 'congtin_http_requests_total', help: 'HTTP requests by route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] })
  const duration = new Histogram({
    name: 'congtin_http_request_duration_seconds',
    help: 'Time to the last byte of the response, by route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const pageCacheResults = new Counter({ name: 'congtin_page_cache_requests_total', help: 'Public pages by page-cache result (HIT, STALE, MISS, BYPASS)', labelNames: ['result'] as const, registers: [registry] })
  registry.registerMetric(databaseTime(payload))
  new Gauge({
    name: 'congtin_page_cache_bytes',
    help: 'Bytes of rendered pages held by the page cache',
    registers: [registry],
    collect() {
      this.set(pageCache?.stats().bytes ?? 0)
    },
  })
  new Gauge({
    name: 'congtin_page_cache_entries',
    help: 'Pages held by the page cache',
    registers: [registry],
    collect() {
      this.set(pageCache?.stats().entries ?? 0)
    },
  })
  new Gauge({
    name: 'congtin_visit_counter_flush_lag_seconds',
    help: 'Age of the oldest page view counted in memory and not yet written to the database',
    registers: [registry],
    async collect() {
      this.set(visitsCounting ? (await visitStats(payload)).recorder.pendingAgeMs() / 1000 : 0)
    },
  })
  new Gauge({
    name: 'congtin_job_queue_length',
    help: 'Jobs queued and not completed (scheduled publishing, weather, retention)',
    registers: [registry],
    async collect() {
      // server rights: a count of the job queue for the operator's metrics, nothing is returned.
      const queued = await payload.count({ collection: 'payload-jobs', where: { completedAt: { exists: false } }, overrideAccess: true })
      this.set(queued.totalDocs)
    },
  })
  return { registry, requests, duration, pageCache: pageCacheResults }
}
