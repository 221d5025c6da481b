import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { Unit } from '../../../src/payload-types.ts'

/** A unit's page is found by its slug on its site, so two units of one site never share one. */
export const ensureUniqueUnitSlug: CollectionBeforeValidateHook<Unit> = async ({ data, originalDoc, req }) => {
  const slug = data?.slug ?? originalDoc?.slug
  const site = data?.site ?? originalDoc?.site
  if (!slug || !site) return data
  const siteId = typeof site === 'object' ? site.id : site
  const clashes = await req.payload.count({
    collection: 'units',
    where: { and: [{ slug: { equals: slug } }, { site: { equals: siteId } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    req,
  })
  if (clashes.totalDocs > 0) {
    throw new ValidationError({ collection: 'units', errors: [{ path: 'slug', message: 'Đường dẫn này đã có đơn vị khác trên trang; hãy chọn đường dẫn khác.' }], req }, req.t)
  }
  return data
}
