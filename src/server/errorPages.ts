import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Payload } from 'payload'

import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { EN } from '../english/strings.ts'
import { HttpError, notFound } from '../site/httpError.ts'
import { isEnglishPath } from '../site/paths.ts'
import { MessagePage } from '../site/views/MessagePage.tsx'

export const pageNotFound: RequestHandler = (_req, _res, next) => next(notFound())

/** Turns any error into a Vietnamese page with the right status; details go to the log only. */
export function errorPages(payload: Payload): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const clientStatus = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 0
    const httpError =
      error instanceof HttpError
        ? error
        : clientStatus
          ? new HttpError(clientStatus, 'Yêu cầu không hợp lệ', 'Máy chủ không hiểu yêu cầu này.')
          : new HttpError(500, 'Đã có lỗi xảy ra', 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.')
    if (httpError.status >= 500) payload.logger.error({ err: error, msg: `${req.method} ${req.originalUrl} failed` })
    if (res.headersSent) return res.end()
    res.set('Cache-Control', 'no-store')
    // Under /en/ the page is in English, whatever raised the error.
    const shown = isEnglishPath(req.path) && httpError.language !== 'en' ? inEnglish(httpError.status) : httpError
    const html = `<!doctype html>${renderToStaticMarkup(
      React.createElement(MessagePage, { site: res.locals.site, title: shown.title, message: shown.message, origin: `${req.protocol}://${req.get('host')}`, language: shown.language }),
    )}`
    res.status(httpError.status).type('html').send(html)
  }
}

/** The English error page for a status. */
function inEnglish(status: number): HttpError {
  if (status === 404) return new HttpError(404, EN.errors.notFoundTitle, EN.errors.notFound, 'en')
  if (status < 500) return new HttpError(status, EN.errors.badRequestTitle, EN.errors.badRequest, 'en')
  return new HttpError(status, EN.errors.serverTitle, EN.errors.server, 'en')
}
