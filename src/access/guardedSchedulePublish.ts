import type { SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import type { PayloadRequest, ServerFunction } from 'payload'

import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { docAccessOperation, Forbidden } from 'payload'

import { altTextError, photosWithoutAltText } from '../../collections/Articles/hooks/requireAltText.ts'

type DocRef = { relationTo: string; value: number | string }

/** Whether the signed-in user may publish this document (Payload's own per-document check). */
async function canPublish(req: PayloadRequest, doc: DocRef | undefined): Promise<boolean> {
  const config = doc ? req.payload.collections[doc.relationTo as keyof typeof req.payload.collections]?.config : undefined
  if (!doc || !config) return false
  const permissions = await docAccessOperation({ id: doc.value, collection: { config }, data: { _status: 'published' }, req })
  return Boolean(permissions.update)
}

/** The document a queued "schedulePublish" job would publish or unpublish, if there is such a job. */
async function scheduledDoc(req: PayloadRequest, jobID: number | string): Promise<DocRef | undefined> {
  // server rights: payload-jobs is closed to everyone; the caller's right is checked on the job's document.
  const job = await req.payload.db.findOne<{ id: number | string; taskSlug?: string; input?: { doc?: DocRef } }>({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: jobID } }, { taskSlug: { equals: 'schedulePublish' } }] },
    req,
  })
  return job?.input?.doc
}

/**
 * A publication scheduled now would fail when it comes due if a photo lacks alt text (the article's
 * own rule): the editor hears it while scheduling, with the same message.
 */
async function refuseMissingAltText(req: PayloadRequest, doc: DocRef): Promise<void> {
  const article = await req.payload.findByID({ collection: 'articles', id: doc.value, draft: true, depth: 0, overrideAccess: false, req, select: { cover: true, body: true } })
  const missing = await photosWithoutAltText(req, article)
  if (missing.length > 0) throw altTextError(missing)
}

/**
 * Payload's "schedule-publish" server function deletes the job whose id the browser sends with
 * server rights, and queues a job for any document it is given: an editor of one site could cancel
 * another site's scheduled publication. This one first checks that the user may publish the
 * document concerned (the job's document when cancelling), then hands over to Payload's.
 */
export const guardedSchedulePublish: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  if (args.global) throw new Forbidden(req.t)
  if (args.deleteID !== undefined && !(await canPublish(req, await scheduledDoc(req, args.deleteID)))) throw new Forbidden(req.t)
  if (args.doc && !(await canPublish(req, args.doc as DocRef))) throw new Forbidden(req.t)
  if (args.type === 'publish' && args.doc?.relationTo === 'articles') await refuseMissingAltText(req, args.doc as DocRef)
  return schedulePublishHandler(args)
}
