import type { Request, Response } from 'express'

import express, { Router } from 'express'
import React from 'react'

import type { SiteServices } from '../site/requestHelpers.ts'
import type { FeedbackFormErrors, FeedbackFormValues } from './feedbackForm.ts'
import type { ParticipationService } from './service.ts'

import { FEEDBACK_CHALLENGE_PATH, FEEDBACK_PATH } from '../site/paths.ts'
import { html, pageContext, sendUncached, siteOf } from '../site/requestHelpers.ts'
import { emptyFeedbackForm } from './feedbackForm.ts'
import { feedbackChallenge, submitFeedback } from './submitFeedback.ts'
import { FeedbackFormPage, FeedbackReceiptPage } from './views/FeedbackPages.tsx'

/**
 * The citizens' feedback form ("Góp ý"), its captcha and the receipt. Nothing here is cached: the
 * form shows what was typed and the receipt belongs to one person.
 */
export function feedbackRoutes(services: SiteServices, participation: ParticipationService): Router {
  const { payload } = services
  const router = Router()
  const privatePage = (res: Response) => res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

  const sendForm = async (req: Request, res: Response, status: number, values: FeedbackFormValues, errors: FeedbackFormErrors, notice?: string) => {
    const context = await pageContext(services, req, res)
    privatePage(res)
    sendUncached(res, html(React.createElement(FeedbackFormPage, { context, values, errors, notice }), [], status))
  }

  router.get(FEEDBACK_PATH, (req, res) => sendForm(req, res, 200, emptyFeedbackForm(), {}))

  router.get(FEEDBACK_CHALLENGE_PATH, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await feedbackChallenge(participation, siteOf(res)))
  })

  router.post(FEEDBACK_PATH, express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 30 }), async (req, res) => {
    const site = siteOf(res)
    const ip = req.ip ?? req.socket.remoteAddress ?? ''
    const outcome = await submitFeedback(participation, { site, body: (req.body ?? {}) as Record<string, unknown>, ip })
    const logged = { msg: 'feedback form', site: site.id, outcome: outcome.outcome, ip: participation.keys.ipHash(ip) }
    if (outcome.outcome === 'accepted') {
      payload.logger.info({ ...logged, reference: outcome.reference, flagged: outcome.flagged })
      const context = await pageContext(services, req, res)
      privatePage(res)
      return sendUncached(res, html(React.createElement(FeedbackReceiptPage, { context, reference: outcome.reference }), [], 201))
    }
    payload.logger.info({ ...logged, fields: outcome.outcome === 'invalid' ? Object.keys(outcome.errors) : undefined })
    if (outcome.outcome === 'rate-limited') {
      res.set('Retry-After', String(outcome.retryAfterSeconds))
      return sendForm(req, res, 429, outcome.values, {}, outcome.message)
    }
    return sendForm(req, res, 400, outcome.values, outcome.errors)
  })

  return router
}
