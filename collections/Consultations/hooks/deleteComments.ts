import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A draft is deleted with its comments, in the same transaction and before its own row: a
 * comment must name its draft (the database refused the draft's delete while comments named
 * it), and one left without it would keep a citizen's contact details with no reason to. Each
 * comment's own afterDelete takes its read-model record away.
 */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // server rights: reached only through a draft's delete, which is the editors' (the comments go with it)
  await req.payload.delete({ collection: 'consultation-comments', where: { consultation: { equals: id } }, req, overrideAccess: true, depth: 0 })
}
