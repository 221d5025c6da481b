import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Payload } from 'payload'

import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { HttpError, notFound } from '../site/httpError.ts'
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
    const html = `<!doctype html>${renderToStaticMarkup(React.createElement(MessagePage, { site: res.locals.site, title: httpError.title, message: httpError.message, origin: `${req.protocol}://${req.get('host')}` }))}`
    res.status(httpError.status).type('html').send(html)
  }
}
