import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLoginHook, CollectionConfig, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import type { PollAudit } from '../../payload-types.ts'

import { AUDIT_COLLECTION } from './actions.ts'
import { actionOfWrite, changedFields } from './changes.ts'
import { recordAudit } from './record.ts'

/** Collections written by machines (votes, counters, observations), not by editorial actions. */
const NOT_AUDITED = new Set<string>([AUDIT_COLLECTION, 'poll-votes', 'poll-challenges', 'visit-counters', 'weather-observations'])

type Doc = Record<string, unknown> & { id: number | string }

function titleOf(collection: SanitizedCollectionConfig, doc: Doc): string | undefined {
  const value = doc[collection.admin?.useAsTitle ?? 'id']
  return value === undefined || value === null ? undefined : String(value)
}

function siteOf(doc: Doc): number | string | undefined {
  const site = doc.site as { id: number | string } | number | string | null | undefined
  return site && typeof site === 'object' ? site.id : (site ?? undefined)
}

/** Fields hidden from editors (derived copies such as `searchText`): their changes follow others'. */
function derivedFields(collection: SanitizedCollectionConfig): Set<string> {
  type Named = { name: string; hidden?: boolean; admin?: { hidden?: boolean } }
  const named = collection.fields.filter((field): field is typeof field & Named => 'name' in field)
  return new Set(named.filter((field) => field.hidden || field.admin?.hidden).map((field) => field.name))
}

/** Whether the public version of a document is published now (a draft save leaves it as it was). */
async function isPublishedNow(req: PayloadRequest, collection: SanitizedCollectionConfig, doc: Doc): Promise<boolean> {
  if (!collection.versions?.drafts) return false
  // server rights: reads the stored status of the document this request just wrote.
  const stored = await req.payload.findByID({ collection: collection.slug as 'articles', id: doc.id, depth: 0, draft: false, overrideAccess: true, req, select: { _status: true } })
  return (stored as { _status?: string } | null)?._status === 'published'
}

/** Records a create, update, publish or unpublish made by a signed-in person. */
const auditChange: CollectionAfterChangeHook<Doc> = async ({ collection, doc, previousDoc, operation, req }) => {
  if (!req.user) return doc
  const wasPublished = operation === 'update' && previousDoc?._status === 'published'
  const action = actionOfWrite(operation, wasPublished, await isPublishedNow(req, collection, doc))
  const fields = operation === 'update' ? changedFields(doc, previousDoc, derivedFields(collection)) : undefined
  await recordAudit(req.payload, { action, collection: collection.slug, documentId: doc.id, title: titleOf(collection, doc), site: siteOf(doc), fields }, { req })
  return doc
}

const auditDelete: CollectionAfterDeleteHook<Doc> = async ({ collection, doc, id, req }) => {
  if (!req.user) return doc
  await recordAudit(req.payload, { action: 'delete', collection: collection.slug, documentId: id, title: titleOf(collection, doc), site: siteOf(doc) }, { req })
  return doc
}

/** A poll moderation record becomes a void or restore entry of the trail. */
const auditPollModeration: CollectionAfterChangeHook<PollAudit> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const poll = typeof doc.poll === 'object' ? doc.poll.id : doc.poll
  const action = doc.action === 'void' ? 'pollVoid' : 'pollRestore'
  await recordAudit(req.payload, { action, collection: 'polls', documentId: poll, site: siteOf(doc as unknown as Doc), detail: `${doc.count}: ${doc.reason}` }, { req })
  return doc
}

const auditSignIn: CollectionAfterLoginHook = async ({ collection, user, req }) => {
  await recordAudit(req.payload, { action: 'signIn', collection: collection.slug, documentId: user.id, title: user.email as string }, { req, user })
}

/** The audit hooks one collection gets (none for machine-written ones). */
export function auditHooksFor(collection: CollectionConfig): CollectionConfig['hooks'] {
  const hooks = collection.hooks ?? {}
  if (NOT_AUDITED.has(collection.slug)) return hooks
  if (collection.slug === 'poll-audits') return { ...hooks, afterChange: [...(hooks.afterChange ?? []), auditPollModeration as CollectionAfterChangeHook] }
  return {
    ...hooks,
    afterChange: [...(hooks.afterChange ?? []), auditChange as CollectionAfterChangeHook],
    afterDelete: [...(hooks.afterDelete ?? []), auditDelete as CollectionAfterDeleteHook],
    ...(collection.auth ? { afterLogin: [...(hooks.afterLogin ?? []), auditSignIn] } : {}),
  }
}

/**
 * The audit trail for every collection of the config, applied where the config is assembled, so a
 * collection added later is audited without touching its own file.
 */
export function withAuditTrail(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({ ...collection, hooks: auditHooksFor(collection) }))
}
