import type { Request, RequestHandler, Response } from 'express'
import type { IncomingMessage } from 'node:http'

import { isbot } from 'isbot'

import type { Clock } from './calendar.ts'
import type { PageView, VisitRecorder } from './recorder.ts'

import { visitorIdentity } from './visitor.ts'
import { env } from '../config/env.ts'
import { addressKey, clientAddress } from '../server/clientAddress.ts'

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
export function notCounted(req: Pick<IncomingMessage, 'headers' | 'method'>, path: string): string | null {
  if (req.method !== 'GET') return 'method'
  const headers = req.headers
  const purpose = headers.purpose ?? headers['sec-purpose'] ?? headers['x-purpose'] ?? headers['x-moz']
  if (purpose && /prefetch|prerender|preview/i.test(String(purpose))) return 'prefetch'
  const userAgent = headers['user-agent']
  if (!userAgent || isBotAgent(userAgent)) return 'bot'
  // Staff browsing the site are not readers (a made-up cookie only loses its own count).
  if (/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')) return 'staff'
  if (FILE_LIKE.test(path)) return 'file'
  return null
}

/**
 * Counts page views in front of the page cache: a page served from memory counts like a rendered
 * one. The view is recorded when the answer is a page (200, or 304 on revalidation).
 *
 * This runs for every page served, so it does little: a page cache hit has answered by the time
 * `next()` returns, and is recorded right there; only slower answers get a 'finish' listener, one
 * shared function that finds the view in res.locals. The visitor's address is hashed as it
 * arrives rather than parsed (see visitorAddress).
 */
export function countVisits(recorder: VisitRecorder, secret: string, clock: Clock): RequestHandler {
  const identify = visitorIdentity(secret)
  const isPage = (res: Response) => res.statusCode === 304 || (res.statusCode === 200 && /html/.test(String(res.getHeader('content-type') ?? '')))
  function recordIfPage(this: Response) {
    const { view, at } = this.locals.countedView!
    if (isPage(this)) recorder.record(view, at)
  }
  return (req, res, next) => {
    if (notCounted(req, req.path) !== null) return next()
    const at = clock()
    const view = viewOf(identify, req, req.path, res.locals.site!.id, at)
    next()
    if (res.writableEnded) {
      if (isPage(res)) recorder.record(view, at)
    } else {
      res.locals.countedView = { view, at }
      res.on('finish', recordIfPage)
    }
  }
}

function viewOf(identify: ReturnType<typeof visitorIdentity>, req: IncomingMessage, path: string, site: PageView['site'], at: Date): PageView {
  const visitor = identify.visitor(visitorAddress(req), req.headers['user-agent']!, at)
  const view: PageView = { site, visitor }
  const slug = ARTICLE_PAGE.exec(path)?.[1]
  if (slug) view.article = { slug, viewer: identify.viewerOf(visitor, `${site}/${slug}`) }
  return view
}

/**
 * Counts a page answered from the page cache before Express (src/server/frontDoor.ts): the same
 * rules as countVisits, for a request whose path has no query string and whose answer is a page.
 */
export function countCachedPage(recorder: VisitRecorder, secret: string, clock: Clock) {
  const identify = visitorIdentity(secret)
  return (req: IncomingMessage, site: PageView['site']): void => {
    const path = req.url ?? '/'
    if (notCounted(req, path) !== null) return
    const at = clock()
    recorder.record(viewOf(identify, req, path, site, at), at)
  }
}

/** The visitor's address as TRUST_PROXY allows (src/server/clientAddress.ts); IPv6 by its /64. */
function visitorAddress(req: IncomingMessage): string {
  return addressKey(clientAddress(req, env().trustProxy))
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** The page view counted when the response finishes, and its time (see countVisits). */
    countedView?: { view: PageView; at: Date }
  }
}
