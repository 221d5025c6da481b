import type { Payload, PayloadRequest } from 'payload'

import type { AuditAction } from './actions.ts'

import { AUDIT_COLLECTION } from './actions.ts'
import { ADDRESS_HASH_HEADER } from './address.ts'

export type AuditFacts = {
  action: AuditAction
  collection?: string
  documentId?: number | string
  title?: string
  site?: number | string | null
  /** Names of the fields that changed. */
  fields?: string[]
  /** Free text: counts of an import, the folder of a restore. */
  detail?: string
}

type Actor = { id?: number | string; email?: string | null } | null | undefined

/** The salted hash of the client's address that the edge middleware put on the request, if any. */
function addressHashOf(req: Partial<PayloadRequest> | undefined): string | undefined {
  const headers = req?.headers
  return (headers && typeof headers.get === 'function' ? headers.get(ADDRESS_HASH_HEADER) : undefined) ?? undefined
}

/**
 * Appends one audit entry. Passing the request keeps the entry in the same transaction as the
 * change it describes, so one is never written without the other.
 */
export async function recordAudit(
  payload: Payload,
  facts: AuditFacts,
  { req, user = req?.user as Actor, addressHash = addressHashOf(req) }: { req?: Partial<PayloadRequest>; user?: Actor; addressHash?: string } = {},
): Promise<void> {
  await payload.create({
    collection: AUDIT_COLLECTION,
    // server rights: the audit trail is append-only for everyone; only this function writes it.
    overrideAccess: true,
    req,
    depth: 0,
    data: {
      action: facts.action,
      collectionSlug: facts.collection,
      documentId: facts.documentId === undefined ? undefined : String(facts.documentId),
      title: facts.title?.slice(0, 300),
      site: (facts.site ?? undefined) as number | undefined,
      fields: facts.fields?.join(', '),
      detail: facts.detail,
      user: (user?.id ?? undefined) as number | undefined,
      userEmail: user?.email ?? undefined,
      addressHash,
    },
  })
}
