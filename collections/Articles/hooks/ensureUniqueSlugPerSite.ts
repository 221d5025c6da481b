import type { CollectionAfterErrorHook, CollectionBeforeValidateHook } from 'payload'

import { APIError } from 'payload'

import type { Article } from '../../../src/payload-types.ts'

export const SLUG_TAKEN = 'Đường dẫn này đã có bài viết khác trên trang; hãy chọn đường dẫn khác.'

const slugTakenData = { collection: 'articles', errors: [{ path: 'slug', message: SLUG_TAKEN }] }

/**
 * Slugs are unique within a site; two provinces may both publish "hoi-nghi-so-ket". This look-up
 * gives the clear message; the unique (site, slug) index refuses what two concurrent creates
 * would both pass here, and `explainSlugClash` gives that refusal the same message.
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
    throw new APIError(SLUG_TAKEN, 400, slugTakenData, true)
  }
  return data
}

/**
 * Gives every slug clash one answer, on the slug field where the admin shows it: the look-up's
 * own error, and the database's refusal of a second (site, slug), which Payload reports as a
 * generic "value must be unique" on a column ("site_id, slug" on PostgreSQL, "site_id" on SQLite,
 * "site" on MongoDB). Articles have no other unique field, so that refusal is always the clash.
 * Duck-typed: the REST route may run a bundled copy of Payload whose error classes differ.
 */
export const explainSlugClash: CollectionAfterErrorHook = ({ error, req }) => {
  const unique = req.t('error:valueMustBeUnique')
  const fieldErrors = (error as { data?: { errors?: { message?: string; path?: string }[] } }).data?.errors
  const databaseClash =
    error.name === 'ValidationError' &&
    Array.isArray(fieldErrors) &&
    fieldErrors.some((entry) => entry.message === unique && String(entry.path ?? '').split(/[\s,]+/).some((column) => ['site', 'site_id', 'slug'].includes(column)))
  if (error.message !== SLUG_TAKEN && !databaseClash) return
  return { status: 400, response: { errors: [{ name: 'ValidationError', message: SLUG_TAKEN, data: slugTakenData }] } }
}
