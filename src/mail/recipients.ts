import type { Payload } from 'payload'

type Id = number | string

export type Recipient = { id: Id; email: string }

/** The editors of a site: who is told that something waits for them (an article, a late question). */
export async function editorsOfSite(payload: Payload, site: Id | null): Promise<Recipient[]> {
  if (site === null) return []
  // server rights: the addresses of the site's editors, to tell them something waits for them
  const editors = await payload.find({
    collection: 'users',
    where: { and: [{ role: { equals: 'editor' } }, { 'sites.site': { equals: site } }] },
    select: { email: true },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
  })
  return editors.docs
}

/** The site's public name, for a message's text. */
export async function siteNameOf(payload: Payload, site: Id | null): Promise<string | undefined> {
  if (site === null) return undefined
  // server rights: the site's public name, for the message
  const row = await payload.findByID({ collection: 'sites', id: site, select: { name: true }, depth: 0, disableErrors: true, overrideAccess: true })
  return row?.name ?? undefined
}
