import type { FilterOptions, Where } from 'payload'

/** A unit's parent is another unit of the same site, never itself. */
export const parentOnSameSite: FilterOptions = ({ data, id }) => {
  const site = data?.site && typeof data.site === 'object' ? (data.site as { id: number | string }).id : data?.site
  const conditions: Where[] = []
  if (site !== undefined && site !== null) conditions.push({ site: { equals: site } })
  if (id !== undefined) conditions.push({ id: { not_equals: id } })
  return conditions.length > 0 ? { and: conditions } : true
}
