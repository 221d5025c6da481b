import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

/** 200 when the database answers a query, 503 when it does not. */
export function healthCheck(payload: Payload): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      const sites = await payload.count({ collection: 'sites', overrideAccess: false })
      res.json({ status: 'ok', database: payload.db.name, sites: sites.totalDocs })
    } catch (error) {
      payload.logger.error({ err: error, msg: 'health check failed' })
      res.status(503).json({ status: 'error', message: 'Cơ sở dữ liệu không phản hồi' })
    }
  }
}
