import type { Express } from 'express'
import type { RequestListener } from 'node:http'
import type { Payload } from 'payload'

import type { FrontDoor } from '../../server/frontDoor.ts'

import { env } from '../../config/env.ts'
import { metricsEndpoint, readiness } from './endpoints.ts'
import { createMetrics, type MetricsSources } from './metrics.ts'
import { observeRequests } from './requests.ts'

export const METRICS_PATH = '/metrics'
export const READY_PATH = '/readyz'

/**
 * What the running portal tells its operators: mounts /metrics and /readyz on the app, and returns
 * the wrapper of the server's listener that ids, counts and logs every request (cached pages too).
 */
export function operationsEndpoints(
  app: Express,
  payload: Payload,
  pageCache: MetricsSources['pageCache'],
): { observe: (listener: RequestListener, door?: FrontDoor) => RequestListener } {
  const settings = env()
  const metrics = createMetrics({ payload, pageCache, visitsCounting: settings.visitsCounting })
  app.get(READY_PATH, readiness(payload, { databaseUrl: settings.databaseUrl, push: settings.databasePush }))
  app.get(METRICS_PATH, metricsEndpoint(metrics.registry, settings.metricsToken))
  return { observe: (listener, door) => observeRequests(listener, metrics, (line) => payload.logger.info({ ...line, msg: 'request' }), door) }
}
