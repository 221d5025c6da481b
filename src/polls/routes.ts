import type { Request, RequestHandler, Response } from 'express'

import express, { Router } from 'express'
import path from 'node:path'
import React from 'react'

import type { Poll } from '../payload-types.ts'
import type { SiteServices } from '../site/requestHelpers.ts'
import type { PollService } from './service.ts'

import { notFound } from '../site/httpError.ts'
import { html, pageContext, sendUncached, siteOf, slugParam } from '../site/requestHelpers.ts'
import { issueChallenge } from './captcha.ts'
import { castVote } from './castVote.ts'
import { newVoterCookie, VOTER_COOKIE, voterCookieOf } from './keys.ts'
import { POLLS_PATH } from '../site/paths.ts'
import { createPollCache } from './pollCache.ts'
import { findPublicPoll, findPublicPolls, findVoterVote } from './queries.ts'
import { pollPhase, resultsVisible } from './schedule.ts'
import { decodeChoices, tallyPoll, toResults } from './tally.ts'
import { PollListPage, PollPage, PollResultsPage } from './views/PollPages.tsx'
import { addressKey } from '../server/clientAddress.ts'

/** The ALTCHA widget's files, served from our own /assets (no CDN). */
export const altchaAssets = (): RequestHandler =>
  express.static(path.resolve('node_modules/altcha/dist_external'), { maxAge: '1d', index: false })

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000

class JsonError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Public poll addresses. Pages are rendered per request and never stored in the page cache (they
 * show live results); the JSON endpoints answer `no-store` and carry the reader's own state.
 */
export function pollRoutes(services: SiteServices, polls: PollService): Router {
  const { payload } = services
  const router = Router()
  const votePolls = createPollCache(payload)

  const pollOf = async (req: Request, res: Response, json = false, cached = false): Promise<Poll> => {
    const poll = cached ? await votePolls.find(siteOf(res), slugParam(req)) : await findPublicPoll(payload, siteOf(res), slugParam(req))
    if (!poll) throw json ? new JsonError(404, 'Không tìm thấy cuộc thăm dò này.') : notFound('Không tìm thấy cuộc thăm dò này.')
    return poll
  }
  /** The reader's voter key, setting a new random cookie when the reader has none. */
  const voterKeyOf = (req: Request, res: Response, create: boolean): string | undefined => {
    let cookie = voterCookieOf(req.headers.cookie)
    if (!cookie && create) {
      cookie = newVoterCookie()
      res.cookie(VOTER_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: ONE_YEAR_MS, path: '/' })
    }
    return cookie ? polls.keys.voterKey(cookie) : undefined
  }
  const sendJson = (res: Response, status: number, body: unknown) => res.status(status).set('Cache-Control', 'no-store').json(body)
  const json =
    (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
    async (req, res) => {
      try {
        await handler(req, res)
      } catch (error) {
        if (error instanceof JsonError) return void sendJson(res, error.status, { message: error.message })
        const status = (error as { status?: number })?.status
        if (status === 404) return void sendJson(res, 404, { message: 'Không tìm thấy cuộc thăm dò này.' })
        payload.logger.error({ err: error, msg: `${req.method} ${req.originalUrl} failed` })
        res.set('Retry-After', '5')
        sendJson(res, 503, { message: 'Hệ thống đang bận, vui lòng thử lại sau ít giây.' })
      }
    }

  const liveResults = async (poll: Poll, voted: boolean) => (resultsVisible(poll, voted) ? toResults(poll, await tallyPoll(payload, poll)) : null)

  router.get(POLLS_PATH, async (req, res) => {
    const [context, found] = await Promise.all([pageContext(services, req, res), findPublicPolls(payload, siteOf(res))])
    const list = found.map((poll) => ({ poll, phase: pollPhase(poll) }))
    sendUncached(res, html(React.createElement(PollListPage, { context, polls: list }), []))
  })

  router.get(`${POLLS_PATH}/:slug`, async (req, res) => {
    const poll = await pollOf(req, res)
    const [context, results] = await Promise.all([pageContext(services, req, res), liveResults(poll, false)])
    sendUncached(res, html(React.createElement(PollPage, { context, poll, phase: pollPhase(poll), results }), []))
  })

  router.get(`${POLLS_PATH}/:slug/ket-qua`, async (req, res) => {
    const poll = await pollOf(req, res)
    const voterKey = voterKeyOf(req, res, false)
    const voted = voterKey ? Boolean(await findVoterVote(payload, poll.id, voterKey)) : false
    const [context, results] = await Promise.all([pageContext(services, req, res), liveResults(poll, voted)])
    sendUncached(res, html(React.createElement(PollResultsPage, { context, poll, phase: pollPhase(poll), results }), []))
  })

  router.get(
    `${POLLS_PATH}/:slug/trang-thai`,
    json(async (req, res) => {
      const poll = await pollOf(req, res, true)
      const voterKey = voterKeyOf(req, res, false)
      const vote = voterKey ? await findVoterVote(payload, poll.id, voterKey) : undefined
      sendJson(res, 200, {
        phase: pollPhase(poll),
        voted: Boolean(vote),
        choices: vote ? decodeChoices(vote.choices) : [],
        results: await liveResults(poll, Boolean(vote)),
      })
    }),
  )

  router.get(
    `${POLLS_PATH}/:slug/ma-xac-nhan`,
    json(async (req, res) => {
      const poll = await pollOf(req, res, true)
      if (pollPhase(poll) !== 'open') throw new JsonError(409, 'Cuộc thăm dò không nhận phiếu lúc này.')
      const voterKey = voterKeyOf(req, res, true)!
      sendJson(res, 200, await issueChallenge(polls.keys, poll.id, voterKey, polls.settings.captchaMaxNumber))
    }),
  )

  const parseBody = [express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 50 }), express.json({ limit: '8kb' })]
  router.post(`${POLLS_PATH}/:slug/binh-chon`, ...parseBody, json(async (req, res) => {
    const poll = await pollOf(req, res, true, true)
    const body = (req.body ?? {}) as Record<string, unknown>
    const outcome = await castVote(polls, {
      poll,
      site: siteOf(res),
      choices: body.choice ?? body.choices,
      captcha: body.altcha,
      voterKey: voterKeyOf(req, res, false),
      ip: addressKey(req.ip ?? ''),
      userAgent: req.get('user-agent') ?? '',
    })
    payload.logger.info({ msg: 'poll vote', poll: poll.id, outcome: outcome.outcome, ip: polls.keys.ipHash(addressKey(req.ip ?? '')) })
    if (outcome.status === 429 && outcome.retryAfterSeconds) res.set('Retry-After', String(outcome.retryAfterSeconds))
    const voted = outcome.outcome === 'accepted' || outcome.outcome === 'flagged' || outcome.outcome === 'duplicate'
    sendJson(res, outcome.status, {
      outcome: outcome.outcome,
      message: outcome.message,
      choices: 'choices' in outcome ? outcome.choices : undefined,
      results: voted ? await liveResults(poll, true) : null,
    })
  }))

  // A malformed body (bad JSON, too large) is the sender's mistake, answered in JSON.
  router.use(`${POLLS_PATH}/:slug/binh-chon`, ((error, _req, res, next) => {
    const status = (error as { status?: number })?.status
    if (typeof status === 'number' && status >= 400 && status < 500) return void sendJson(res, status === 413 ? 413 : 400, { message: 'Dữ liệu gửi lên không hợp lệ.' })
    next(error)
  }) as express.ErrorRequestHandler)

  return router
}
