import type { Request, RequestHandler } from 'express'

import { isbot } from 'isbot'

import type { Clock } from './calendar.ts'
import type { VisitRecorder } from './recorder.ts'

import { hasSession } from '../site/cache/middleware.ts'
import { visitorOf } from './visitor.ts'

const ARTICLE_PAGE = /^\/bai-viet\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/
/** Feeds, sitemap, robots and any other file-like address are not page views. */
const FILE_LIKE = /\.[a-z0-9]+$/i

/** isbot's verdict per user agent string; readers' browsers repeat a few hundred strings. */
const botVerdicts = new Map<string, boolean>()
const BOT_VERDICTS_KEPT = 2_000

function isBotAgent(userAgent: string): boolean {
  let verdict = botVerdicts.get(userAgent)
  if (verdict === undefined) {
    verdict = isbot(userAgent)
    if (botVerdicts.size >= BOT_VERDICTS_KEPT) botVerdicts.clear()
    botVerdicts.set(userAgent, verdict)
  }
  return verdict
}

/** Why a request is not a reader's page view, or null when it is one. */
export function notCounted(req: Request): string | null {
  if (req.method !== 'GET') return 'method'
  const headers = req.headers
  const purpose = headers.purpose ?? headers['sec-purpose'] ?? headers['x-purpose'] ?? headers['x-moz']
  if (purpose && /prefetch|prerender|preview/i.test(String(purpose))) return 'prefetch'
  const userAgent = headers['user-agent']
  if (!userAgent || isBotAgent(userAgent)) return 'bot'
  if (hasSession(req)) return 'staff'
  if (FILE_LIKE.test(req.path)) return 'file'
  return null
}

/**
 * Counts page views in front of the page cache: a page served from memory counts like a rendered
 * one. The view is recorded when the answer is a page (200, or 304 on revalidation).
 */
export function countVisits(recorder: VisitRecorder, secret: string, clock: Clock): RequestHandler {
  return (req, res, next) => {
    if (notCounted(req) !== null) return next()
    const site = res.locals.site!.id
    const visitor = visitorOf(req, secret, clock())
    const articleSlug = ARTICLE_PAGE.exec(req.path)?.[1]
    res.once('finish', () => {
      const isPage = res.statusCode === 304 || (res.statusCode === 200 && /html/.test(String(res.getHeader('content-type') ?? '')))
      if (isPage) recorder.record({ site, articleSlug, visitor })
    })
    next()
  }
}
