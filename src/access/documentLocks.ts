import type { Access, CollectionSlug, Config, Field, PayloadRequest, Plugin, Where } from 'payload'

import { isAdmin } from './roles.ts'

const LOCKS = 'payload-locked-documents'

/**
 * Ids of the accounts that share a site with the signed-in user (the user included).
 * Server rights: this runs inside an access rule, which must not call access again.
 */
async function colleagueIds(req: PayloadRequest): Promise<(number | string)[]> {
  const user = req.user
  if (!user) return []
  const sites = (user.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site.id : entry.site))
  if (sites.length === 0) return [user.id]
  const colleagues = await req.payload.find({
    collection: 'users',
    where: { 'sites.site': { in: sites } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    req,
  })
  return [user.id, ...colleagues.docs.map((colleague) => colleague.id)]
}

/**
 * Payload's document locks ("X is editing this") are readable and removable by any signed-in user
 * by default, across sites. Here a user sees, takes over or clears only the locks held by people
 * who share one of their sites; administrators see all.
 */
export const locksOfColleagues: Access = async ({ req }) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  const filter: Where = { 'user.value': { in: await colleagueIds(req) } }
  return filter
}

type Relation = { relationTo?: string; value?: unknown } | string | number | undefined

const idOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value)

/**
 * A lock is always taken in one's own name, and only on a document of one's own sites: a lock
 * on another site's article would keep that site's editors out of it (they see only their
 * colleagues' locks, so they could not take it over either).
 */
export const lockInOwnName: Access = async ({ req, data }) => {
  if (!req.user) return false
  const lock = data as { user?: Relation; document?: Relation } | undefined
  const holder = lock?.user
  if (holder !== undefined && String(idOf(typeof holder === 'object' ? holder.value : holder)) !== String(req.user.id)) return false
  return isAdmin(req.user) || onOwnSites(req, lock?.document)
}

/** Whether the locked document belongs to one of the user's sites (documents without a site: yes). */
async function onOwnSites(req: PayloadRequest, document: Relation): Promise<boolean> {
  if (typeof document !== 'object' || !document.relationTo) return true
  const collection = req.payload.collections[document.relationTo as CollectionSlug]?.config
  if (!collection?.fields.some((field: Field) => 'name' in field && field.name === 'site')) return true
  // Server rights: the site of the one document being locked, compared with the user's sites below.
  const target = await req.payload
    .findByID({ collection: document.relationTo as 'articles', id: idOf(document.value) as number, depth: 0, draft: true, select: { site: true }, disableErrors: true, req })
    .catch(() => null)
  if (!target) return false
  const sites = (req.user?.sites ?? []).map((entry) => String(idOf(entry.site)))
  return sites.includes(String(idOf((target as { site?: unknown }).site)))
}

/**
 * Payload builds its locks collection after plugins have run, so its access rules can only be
 * replaced once it exists: at init, on every Payload instance built from this config.
 */
export const siteScopedDocumentLocks: Plugin = (config: Config): Config => ({
  ...config,
  onInit: async (payload) => {
    const locks = payload.collections[LOCKS]?.config
    if (locks) {
      Object.assign(locks.access, { read: locksOfColleagues, update: locksOfColleagues, delete: locksOfColleagues, create: lockInOwnName })
    }
    await config.onInit?.(payload)
  },
})
