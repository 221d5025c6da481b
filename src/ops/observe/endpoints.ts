import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Registry } from 'prom-client'

import { databaseKind, migrationDir } from '../../db/adapter.ts'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/**
 * GET /metrics in Prometheus text format, for the machine itself or a scraper with the token
 * (METRICS_TOKEN, as `Authorization: Bearer …`). `req.ip` is the client behind a proxy on this
 * machine, so a public request forwarded by nginx is not taken for a local one.
 */
export function metricsEndpoint(registry: Registry, token: string | undefined): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store')
    const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]
    const allowed = (token && bearer && sameToken(bearer, token)) || (!bearer && LOOPBACK.test(req.ip ?? ''))
    if (!allowed) {
      res.status(403).type('text/plain; charset=utf-8').send('Không có quyền xem số liệu vận hành.\n')
      return
    }
    res.type(registry.contentType).send(await registry.metrics())
  }
}

/** Names of the committed migrations of the dialect in use. */
async function expectedMigrations(databaseUrl: string): Promise<string[]> {
  const kind = databaseKind(databaseUrl)
  if (kind === 'mongodb') return []
  const index = pathToFileURL(path.join(migrationDir(kind), 'index.ts')).href
  const { migrations } = (await import(index)) as { migrations: { name: string }[] }
  return migrations.map((migration) => migration.name)
}

/** GET /readyz: 200 when the database answers and every committed migration is applied, else 503. */
export function readiness(payload: Payload, { databaseUrl, push }: { databaseUrl: string; push: boolean }): RequestHandler {
  const expected = push ? Promise.resolve([]) : expectedMigrations(databaseUrl)
  return async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    try {
      // server rights: which migrations ran, for the operator's readiness probe.
      const applied = await payload.find({ collection: 'payload-migrations', depth: 0, limit: 0, pagination: false, overrideAccess: true })
      const names = new Set(applied.docs.map((doc) => doc.name))
      const missing = (await expected).filter((name) => !names.has(name))
      if (missing.length) {
        res.status(503).json({ status: 'not-ready', message: 'Cơ sở dữ liệu chưa được cập nhật', missingMigrations: missing })
        return
      }
      res.json({ status: 'ready', database: payload.db.name, migrations: names.size })
    } catch (error) {
      payload.logger.error({ err: error, msg: 'readiness check failed' })
      res.status(503).json({ status: 'not-ready', message: 'Cơ sở dữ liệu không phản hồi' })
    }
  }
}
