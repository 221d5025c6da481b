import type { CollectionBeforeValidateHook } from 'payload'

import { APIError } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

const SLUG_TAKEN = 'Đường dẫn này đã có bài viết khác trên trang; hãy chọn đường dẫn khác.'

/**
 * Slugs are unique within a site; two provinces may both publish "hoi-nghi-so-ket". This look-up
 * gives the clear message; the unique (site, slug) index refuses what two concurrent creates
 * would both pass here (Payload answers that with a 400 on the field).
 */
export const ensureUniqueSlugPerSite: CollectionBeforeValidateHook<Article> = async ({ data, originalDoc, req }) => {
  const slug = data?.slug ?? originalDoc?.slug
  const site = data?.site ?? originalDoc?.site
  if (!slug || !site) return data
  const siteId = typeof site === 'object' ? site.id : site
  const clashes = await req.payload.count({
    collection: 'articles',
    where: {
      and: [{ slug: { equals: slug } }, { site: { equals: siteId } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
    },
    req,
  })
  if (clashes.totalDocs > 0) {
    // An APIError: a ValidationError's public message names the field but not the reason.
    throw new APIError(SLUG_TAKEN, 400, [{ path: 'slug', message: SLUG_TAKEN }], true)
  }
  return data
}
