import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

/** Slugs are unique within a site; two provinces may both publish "hoi-nghi-so-ket". */
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
    throw new ValidationError(
      {
        collection: 'articles',
        errors: [{ path: 'slug', message: 'Đường dẫn này đã có bài viết khác trên trang; hãy chọn đường dẫn khác.' }],
        req,
      },
      req.t,
    )
  }
  return data
}
