import type { Payload } from 'payload'

import { syncArticleCaptions } from '../../captions/syncArticleCaptions.ts'
import { inTransaction } from './rebuild.ts'
import { articleChanged } from './sync.ts'

/**
 * An article published with a time still to come is not public, so it is not in the read model.
 * This enters the articles whose time came after `since` (and up to now), with their captioned
 * photos; what was already entered is left as it is (records are compared before they are written).
 */
export async function enterDueArticles(payload: Payload, since: Date): Promise<number> {
  // Site by site, so that the (site, status, published time) index answers it. Across sites,
  // SQLite's planner (its sampled statistics say few articles share a status) took the status
  // index and read every published article: 300 ms at 100,000, every 15 s, with every reader waiting.
  const sites = await payload.find({ collection: 'sites', overrideAccess: false, depth: 0, pagination: false, select: {} })
  const ids: (number | string)[] = []
  for (const site of sites.docs) {
    const due = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { site: { equals: site.id }, publishedAt: { greater_than: since.toISOString() } },
      depth: 0,
      limit: 500,
      pagination: false,
      select: {},
    })
    ids.push(...due.docs.map((doc) => doc.id))
  }
  if (ids.length === 0) return 0
  await inTransaction(payload, async (req) => {
    await articleChanged(req, ...ids)
    // Their captioned photos reach the public photo library only now.
    const articles = await payload.find({ collection: 'articles', overrideAccess: false, where: { id: { in: ids } }, depth: 0, pagination: false, req })
    for (const article of articles.docs) await syncArticleCaptions(req, article)
  })
  return ids.length
}

/** Checks every `everyMs` for articles whose publishing time has come; answers a stop function. */
export function startDueArticles(payload: Payload, everyMs = 15_000): () => void {
  // A server that was down when an article fell due enters it at start: look a week back once.
  let since = new Date(Date.now() - 7 * 24 * 3600_000)
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    const now = new Date()
    try {
      await enterDueArticles(payload, since)
      since = new Date(now.getTime() - everyMs)
    } catch (error) {
      payload.logger.error({ err: error, msg: 'read model: entering due articles failed' })
    } finally {
      running = false
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
