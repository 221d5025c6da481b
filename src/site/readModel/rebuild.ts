import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Id } from './records.ts'

import { createProgress } from '../../import/progress.ts'
import { refreshArticles, refreshCaptionRecords, refreshTermRecords } from './sync.ts'
import { readStoreOf } from './store.ts'

const BATCH = 200

type Source = 'articles' | 'authors' | 'captions' | 'tags'

/** Ids of everything the public may read in a collection, oldest first. */
async function publicIds(payload: Payload, collection: Source): Promise<Id[]> {
  const ids: Id[] = []
  for (let page = 1; ; page++) {
    const found = await payload.find({ collection, overrideAccess: false, depth: 0, limit: 1000, page, sort: 'id', select: {} })
    ids.push(...found.docs.map((doc) => doc.id))
    if (!found.hasNextPage) return ids
  }
}

/** Runs `work` in a transaction of its own; a batch commits whole or not at all. */
export async function inTransaction(payload: Payload, work: (req: PayloadRequest) => Promise<unknown>): Promise<void> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await work(req)
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * Empties the read model and writes it again from what the public may read, in batches. It is
 * marked current only at the end, so a rebuild cut short is redone at the next start.
 */
export async function rebuildReadModel(payload: Payload, { progress = false }: { progress?: boolean } = {}): Promise<{ records: number }> {
  const store = readStoreOf(payload)
  await store.prepare()
  await store.reset()
  const sources = await Promise.all((['articles', 'tags', 'authors', 'captions'] as const).map(async (source) => [source, await publicIds(payload, source)] as const))
  const total = sources.reduce((sum, [, ids]) => sum + ids.length, 0)
  const bar = createProgress(total, progress, process.stderr, 'bản ghi')
  for (const [source, ids] of sources) {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH)
      await inTransaction(payload, async (req) => {
        if (source === 'articles') await refreshArticles(req, batch)
        else if (source === 'captions') await refreshCaptionRecords(req, batch)
        else await refreshTermRecords(req, source === 'tags' ? 'tag' : 'author', batch)
      })
      for (let index = 0; index < batch.length; index++) bar.tick()
    }
  }
  bar.done()
  await store.markCurrent()
  return { records: total }
}

/** At start: creates the read model where it is missing and rebuilds one of an older version. */
export async function ensureReadModel(payload: Payload): Promise<void> {
  const store = readStoreOf(payload)
  const { current } = await store.prepare()
  if (current) return
  payload.logger.info('read model missing or out of date: rebuilding it')
  const { records } = await rebuildReadModel(payload)
  payload.logger.info(`read model rebuilt: ${records} records`)
}
