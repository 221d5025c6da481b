import type { Request, Response } from 'express'

import express, { Router } from 'express'
import React from 'react'

import type { ParticipationService } from '../participation/service.ts'
import type { PublicConsultation } from '../site/readModel/records.ts'
import type { SiteServices } from '../site/requestHelpers.ts'
import type { CommentFormState } from './views/ConsultationPages.tsx'

import { sendPublishedFile } from '../documents/sendFile.ts'
import { pageTags } from '../site/cache/tags.ts'
import { notFound } from '../site/httpError.ts'
import { CONSULTATION_ROUTES, CONSULTATIONS_PATH } from '../site/paths.ts'
import { html, pageContext, sendUncached, siteOf, slugParam } from '../site/requestHelpers.ts'
import { commentChallenge, submitComment } from './submitComment.ts'
import { CommentReceiptPage, ConsultationListPage, ConsultationPage } from './views/ConsultationPages.tsx'

const MISSING = 'Dự thảo này không có hoặc chưa được công bố.'

/**
 * Drafts put out for comment: the list and a draft's page (read model, page cache; a page turns
 * from open to closed within the cache's fresh time), the comment form's captcha and answer
 * (never cached: it shows what was typed), and the draft's files.
 */
export function consultationRoutes(services: SiteServices, participation: ParticipationService): Router {
  const { payload, reader, cache } = services
  const router = Router()

  const find = async (req: Request, res: Response): Promise<PublicConsultation> => {
    const consultation = await reader.consultation(siteOf(res), slugParam(req))
    if (!consultation) throw notFound(MISSING)
    return consultation
  }

  const renderPage = async (req: Request, res: Response, consultation: PublicConsultation, form?: CommentFormState, status = 200) => {
    const [context, comments] = await Promise.all([pageContext(services, req, res), reader.consultationComments(siteOf(res), consultation.id)])
    return html(React.createElement(ConsultationPage, { context, consultation, comments, now: new Date(), form }), [pageTags.consultation(consultation.id)], status)
  }

  router.get(
    CONSULTATIONS_PATH,
    cache.page({}, async (req, res) => {
      const [context, consultations] = await Promise.all([pageContext(services, req, res), reader.consultations(siteOf(res))])
      return html(React.createElement(ConsultationListPage, { context, consultations, now: new Date() }), [pageTags.consultations])
    }),
  )

  router.get(
    CONSULTATION_ROUTES.consultation,
    cache.page({}, async (req, res) => renderPage(req, res, await find(req, res))),
  )

  router.get(CONSULTATION_ROUTES.challenge, async (req, res) => {
    await find(req, res)
    res.set('Cache-Control', 'no-store').json(await commentChallenge(participation, siteOf(res)))
  })

  router.post(CONSULTATION_ROUTES.comment, express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 30 }), async (req, res) => {
    const site = siteOf(res)
    const consultation = await find(req, res)
    const ip = req.ip ?? req.socket.remoteAddress ?? ''
    const outcome = await submitComment(participation, { site, consultation, body: (req.body ?? {}) as Record<string, unknown>, ip })
    payload.logger.info({ msg: 'consultation comment form', site: site.id, consultation: consultation.id, outcome: outcome.outcome, ip: participation.keys.ipHash(ip) })
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
    if (outcome.outcome === 'accepted') {
      const context = await pageContext(services, req, res)
      return sendUncached(res, html(React.createElement(CommentReceiptPage, { context, consultation, id: outcome.id }), [], 201))
    }
    if (outcome.outcome === 'rate-limited') res.set('Retry-After', String(outcome.retryAfterSeconds))
    const form: CommentFormState =
      outcome.outcome === 'invalid' ? { values: outcome.values, errors: outcome.errors } : { values: outcome.values, errors: {}, notice: outcome.message }
    sendUncached(res, await renderPage(req, res, consultation, form, outcome.status))
  })

  // Files of published drafts only: the draft is looked up first, then its file by stored name.
  router.get(CONSULTATION_ROUTES.file, async (req, res) => {
    const filename = String(req.params.filename ?? '')
    const consultation = await reader.consultation(siteOf(res), slugParam(req))
    await sendPublishedFile(res, consultation?.files, filename, 'Tệp này không có hoặc dự thảo chưa được công bố.')
  })

  return router
}
