import type { Payload, PayloadRequest } from 'payload'

import type { Id } from './records.ts'

import { createProgress } from '../../import/progress.ts'
import { refreshPeople, refreshUnits } from './organisation.ts'
import { commentIds, refreshComments, refreshConsultations } from './consultations.ts'
import { refreshDocuments, refreshDocumentTerms } from './documents.ts'
import { publishedQuestionIds, refreshQuestions } from './questions.ts'
import { refreshArticles, refreshCaptionRecords, refreshTermRecords } from './sync.ts'
import { refreshScheduleEntries } from './schedule.ts'
import { readStoreOf } from './store.ts'
import { inTransaction } from './transaction.ts'

export { inTransaction }

const BATCH = 200

type Source = 'articles' | 'authors' | 'captions' | 'consultations' | 'document-terms' | 'documents' | 'tags' | 'units' | 'people' | 'schedule-entries'

/** Ids of everything the public may read in a collection, oldest first. */
async function publicIds(payload: Payload, collection: Source): Promise<Id[]> {
  const ids: Id[] = []
  for (let page = 1; ; page++) {
    const found = await payload.find({ collection, overrideAccess: false, depth: 0, limit: 1000, page, sort: 'id', select: {} })
    ids.push(...found.docs.map((doc) => doc.id))
    if (!found.hasNextPage) return ids
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
  const sources = await Promise.all(
    (['articles', 'tags', 'authors', 'captions', 'units', 'people', 'schedule-entries', 'document-terms', 'documents', 'consultations'] as const).map(async (source) => [source, await publicIds(payload, source)] as const),
  )
  const questions = await publishedQuestionIds(payload)
  const comments = await commentIds(payload)
  const total = sources.reduce((sum, [, ids]) => sum + ids.length, 0) + questions.length + comments.length
  const bar = createProgress(total, progress, process.stderr, 'bản ghi')
  for (const [source, ids] of sources) {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH)
      await inTransaction(payload, async (req) => {
        if (source === 'articles') await refreshArticles(req, batch)
        else if (source === 'captions') await refreshCaptionRecords(req, batch)
        else if (source === 'units') await refreshUnits(req, batch)
        else if (source === 'people') await refreshPeople(req, batch)
        else if (source === 'schedule-entries') await refreshScheduleEntries(req, batch)
        else if (source === 'documents') await refreshDocuments(req, batch, new Map())
        else if (source === 'consultations') await refreshConsultations(req, batch)
        else if (source === 'document-terms') await refreshDocumentTerms(req, batch)
        else await refreshTermRecords(req, source === 'tags' ? 'tag' : 'author', batch)
      })
      for (let index = 0; index < batch.length; index++) bar.tick()
    }
  }
  for (let start = 0; start < questions.length; start += BATCH) {
    const batch = questions.slice(start, start + BATCH)
    await inTransaction(payload, (req) => refreshQuestions(req, batch))
    for (let index = 0; index < batch.length; index++) bar.tick()
  }
  for (let start = 0; start < comments.length; start += BATCH) {
    const batch = comments.slice(start, start + BATCH)
    await inTransaction(payload, (req) => refreshComments(req, batch))
    for (let index = 0; index < batch.length; index++) bar.tick()
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
