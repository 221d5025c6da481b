import type { Request, Response } from 'express'

import express, { Router } from 'express'
import React from 'react'

import type { SiteServices } from '../site/requestHelpers.ts'
import type { QuestionFormErrors, QuestionFormValues } from './questionForm.ts'
import type { ParticipationService } from './service.ts'

import { pageTags } from '../site/cache/tags.ts'
import { badRequest, notFound } from '../site/httpError.ts'
import { fieldList } from '../site/readModel/questions.ts'
import { ASK_QUESTION_CHALLENGE_PATH, ASK_QUESTION_PATH, FOLLOW_UP_ROUTE, QUESTION_ROUTE, QUESTIONS_PATH } from '../site/paths.ts'
import { ensurePageExists, html, pageContext, pageParam, searchParam, sendUncached, siteOf, slugParam } from '../site/requestHelpers.ts'
import { env } from '../config/env.ts'
import { MAX_ATTACHMENTS } from './attachments.ts'
import { readMultipartForm, type MultipartForm } from './multipart.ts'
import { findFollowUp } from './queries.ts'
import { emptyQuestionForm } from './questionForm.ts'
import { questionChallenge, submitQuestion } from './submitQuestion.ts'
import { QuestionListPage, QuestionPage } from './views/PublishedQuestions.tsx'
import { AskQuestionPage, FollowUpPage, ReceiptPage } from './views/QuestionPages.tsx'

/**
 * The citizens' question form, its captcha, the receipt and the private follow-up page. Nothing here
 * is cached: the form shows what was typed, the receipt and the follow-up page belong to one person
 * (and their address holds a secret, so the pages send no Referer onwards).
 */
export function questionRoutes(services: SiteServices, participation: ParticipationService): Router {
  const { payload, reader, cache } = services
  const router = Router()
  const privatePage = (res: Response) => res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })

  const sendForm = async (req: Request, res: Response, status: number, values: QuestionFormValues, errors: QuestionFormErrors, notice?: string, filesSent = 0) => {
    const [context, fields] = await Promise.all([pageContext(services, req, res), participation.fields.of(siteOf(res))])
    privatePage(res)
    const attachmentMaxBytes = env().questionAttachmentMaxBytes
    sendUncached(res, html(React.createElement(AskQuestionPage, { context, fields, values, errors, notice, attachmentMaxBytes, filesSent }), [], status))
  }

  router.get(ASK_QUESTION_PATH, (req, res) => sendForm(req, res, 200, emptyQuestionForm(), {}))

  router.get(ASK_QUESTION_CHALLENGE_PATH, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await questionChallenge(participation, siteOf(res)))
  })

  router.post(ASK_QUESTION_PATH, express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 30 }), async (req, res) => {
    const site = siteOf(res)
    const fields = await participation.fields.of(site)
    const ip = req.ip ?? req.socket.remoteAddress ?? ''
    const form = await receiveQuestionForm(req)
    const fieldIds = fields.map((field) => String(field.id))
    const outcome = await submitQuestion(participation, { site, body: form.body, files: form.files, tooManyFiles: form.tooManyFiles, fieldIds, ip })
    const logged = { msg: 'question form', site: site.id, outcome: outcome.outcome, ip: participation.keys.ipHash(ip) }
    if (outcome.outcome === 'accepted') {
      payload.logger.info({ ...logged, reference: outcome.reference, flagged: outcome.flagged })
      const context = await pageContext(services, req, res)
      privatePage(res)
      return sendUncached(res, html(React.createElement(ReceiptPage, { context, reference: outcome.reference, token: outcome.token }), [], 201))
    }
    payload.logger.info({ ...logged, fields: outcome.outcome === 'invalid' ? Object.keys(outcome.errors) : undefined })
    if (outcome.outcome === 'rate-limited') {
      res.set('Retry-After', String(outcome.retryAfterSeconds))
      return sendForm(req, res, 429, outcome.values, {}, outcome.message, form.files.length)
    }
    return sendForm(req, res, 400, outcome.values, outcome.errors, undefined, form.files.length)
  })

  router.get(FOLLOW_UP_ROUTE, async (req, res) => {
    const status = await findFollowUp(payload, siteOf(res), String(req.params.token ?? ''))
    privatePage(res)
    if (!status) throw notFound('Không tìm thấy câu hỏi theo đường dẫn này. Vui lòng kiểm tra lại đường dẫn đã được cấp khi gửi câu hỏi.')
    const context = await pageContext(services, req, res)
    sendUncached(res, html(React.createElement(FollowUpPage, { context, status }), []))
  })

  // Published questions: read from the read model, kept in the page cache until a question or a
  // field of the site changes (pageTags.questions, pageTags.question).
  router.get(
    QUESTIONS_PATH,
    cache.page({ params: ['linh-vuc', 'q', 'trang'] }, async (req, res) => {
      const site = siteOf(res)
      const page = pageParam(req)
      const query = searchParam(req)
      const field = fieldParam(req)
      const [context, fields, questions] = await Promise.all([
        pageContext(services, req, res),
        participation.fields.of(site),
        reader.questions(site, field ? fieldList(field) : undefined, query.words, page, QUESTIONS_PER_PAGE),
      ])
      ensurePageExists(page, questions.totalPages)
      return html(React.createElement(QuestionListPage, { context, fields, field, query: query.text, questions }), [pageTags.questions])
    }),
  )

  router.get(
    QUESTION_ROUTE,
    cache.page({}, async (req, res) => {
      const question = await reader.question(siteOf(res), slugParam(req))
      if (!question) throw notFound('Không tìm thấy câu hỏi này.')
      const context = await pageContext(services, req, res)
      return html(React.createElement(QuestionPage, { context, question }), [pageTags.question(question.id)])
    }),
  )

  return router
}

const QUESTIONS_PER_PAGE = 20

/**
 * The question form as sent: multipart (the page's form, with its files) read as it streams in,
 * within limits; a plain urlencoded form has no files.
 */
async function receiveQuestionForm(req: Request): Promise<MultipartForm> {
  if (!req.is('multipart/form-data')) return { body: (req.body ?? {}) as Record<string, string>, files: [], tooManyFiles: false }
  try {
    return await readMultipartForm(req, { files: MAX_ATTACHMENTS, fileBytes: env().questionAttachmentMaxBytes, fieldBytes: 32 * 1024, fields: 30 })
  } catch {
    throw badRequest('Biểu mẫu gửi lên không hợp lệ. Vui lòng gửi lại.')
  }
}

/** `?linh-vuc=<id>`: a field's id, or nothing; anything else is 400. */
function fieldParam(req: Request): string | undefined {
  const raw = req.query['linh-vuc']
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string' || !/^[a-f0-9]{1,24}$/i.test(raw)) throw badRequest('Lĩnh vực không hợp lệ.')
  return raw
}
