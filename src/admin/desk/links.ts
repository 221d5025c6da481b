/** Addresses inside Payload's admin (mounted at /admin; see payload.config.ts). */
const ADMIN = '/admin'

export const articleLink = (id: number | string): string => `${ADMIN}/collections/articles/${id}`

/** The article list narrowed to what waits for review, the longest waiting first. */
export const waitingListLink = `${ADMIN}/collections/articles?${new URLSearchParams({ 'where[reviewState][equals]': 'submitted', sort: 'updatedAt' })}`

export const returnedListLink = `${ADMIN}/collections/articles?${new URLSearchParams({ 'where[reviewState][equals]': 'returned', sort: '-updatedAt' })}`
