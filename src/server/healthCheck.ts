import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

/** 200 when the database answers a query, 503 when it does not. */
export function healthCheck(payload: Payload): RequestHandler {
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      const sites = await payload.count({ collection: 'sites', overrideAccess: false })
      // Nothing about the stack (database type, versions): the endpoint is public.
      res.json({ status: 'ok', sites: sites.totalDocs })
    } catch (error) {
      payload.logger.error({ err: error, msg: 'health check failed' })
      res.status(503).json({ status: 'error', message: 'Cơ sở dữ liệu không phản hồi' })
    }
  }
}
