import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { Router } from 'express'
import React from 'react'

import type { SidebarWidget } from '../site/sidebar.ts'

import { env } from '../config/env.ts'
import { countVisits } from './countVisits.ts'
import { visitStats } from './visitStats.ts'
import { VISIT_STATS_PATH, VisitStatsBox } from './views/VisitStatsBox.tsx'

/** Counts the request as a page view once the visit statistics are ready (see countVisits). */
export function visitCounting(payload: Payload): RequestHandler {
  if (!env().visitsCounting) return (_req, _res, next) => next()
  let handler: RequestHandler | undefined
  const ready = visitStats(payload).then((stats) => (handler = countVisits(stats.recorder, env().payloadSecret, stats.clock)))
  return (req, res, next) => {
    if (handler) return handler(req, res, next)
    ready.then((counting) => counting(req, res, next), next)
  }
}

/** The current numbers of the box, for its script: cached by browsers and proxies for 10 s. */
export function visitStatsRouter(payload: Payload): Router {
  const router = Router()
  router.get(VISIT_STATS_PATH, async (_req, res, next) => {
    try {
      const summary = await (await visitStats(payload)).summary(res.locals.site!)
      res.set('Cache-Control', 'public, max-age=10')
      res.json(summary)
    } catch (error) {
      next(error)
    }
  })
  return router
}

export const visitStatsWidget: SidebarWidget = {
  key: 'visit-stats',
  async render(payload, site) {
    const summary = await (await visitStats(payload)).summary(site)
    return React.createElement(VisitStatsBox, { summary })
  },
}

/** Writes pending views and withdraws this instance's online readers; the server calls it on shutdown. */
export async function flushVisits(payload: Payload): Promise<void> {
  const stats = await visitStats(payload)
  await Promise.all([stats.recorder.stop(), stats.online.stop()])
}

/** "Lượt xem" of an article page. */
export async function articleViewCount(payload: Payload, article: { id: number | string; views?: number | null }): Promise<number> {
  return (await visitStats(payload)).articleViews(article)
}
