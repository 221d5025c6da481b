import type { FilterOptions } from 'payload'

/** Leaders and units offered for an entry are those of the entry's own site. */
export const onSameSite: FilterOptions = ({ data }) => {
  const site = data?.site && typeof data.site === 'object' ? (data.site as { id: number | string }).id : data?.site
  return site !== undefined && site !== null ? { site: { equals: site } } : true
}
