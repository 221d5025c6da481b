import type { RequestContext } from 'payload'

/** Flags that seeds, imports and tests pass in `req.context` to switch side effects off. */
export type PortalContext = {
  /** Do not create or update caption entries from article bodies. */
  skipCaptionSync?: boolean
  /** Bulk loads of legal documents: their read-model records are written once at the end (src/site/readModel/documents.ts). */
  deferDocumentSync?: boolean
}

export function contextFlag(context: RequestContext | undefined, flag: keyof PortalContext): boolean {
  return Boolean((context as PortalContext | undefined)?.[flag])
}
