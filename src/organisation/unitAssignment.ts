import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, FilterOptions, PayloadRequest } from 'payload'

import { APIError } from 'payload'

type Id = number | string

const idOf = (value: unknown): Id | null =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: Id }).id : ((value as Id | null | undefined) ?? null)

/**
 * Questions are assigned to a unit, and answerers belong to one, by name (`assignedUnit`,
 * `unit`): that is what an answerer's access compares. Where the site has its organisation
 * (collection `units`), the unit is chosen from it (`organisationUnit`) and the name is copied
 * from the chosen unit, so the two always match, also after the unit is renamed. A body outside
 * the organisation (a court, another province's department) is still written by hand.
 */
export const ORGANISATION_UNIT = 'organisationUnit'

/** The sites a record belongs to: a question's own site, a user's sites. */
type SitesOf = (data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined) => Id[]

export const questionSite: SitesOf = (data, originalDoc) => {
  const site = idOf(data.site !== undefined ? data.site : originalDoc?.site)
  return site === null ? [] : [site]
}

export const userSites: SitesOf = (data, originalDoc) => {
  const rows = (data.sites !== undefined ? data.sites : originalDoc?.sites) as { site?: unknown }[] | null | undefined
  return (rows ?? []).map((row) => idOf(row.site)).filter((site): site is Id => site !== null)
}

/** The admin's choice of units: those of the record's site(s). */
export function unitsOfSites(sitesOf: SitesOf): FilterOptions {
  return ({ data }) => {
    const sites = sitesOf((data ?? {}) as Record<string, unknown>, undefined)
    return sites.length > 0 ? { site: { in: sites } } : false
  }
}

async function unitName(req: PayloadRequest, unit: Id): Promise<{ name: string; site: Id | null } | null> {
  // server rights: the unit's Vietnamese name, copied into the assignment that access rules compare
  const row = await req.payload.findByID({ collection: 'units', id: unit, locale: 'vi', depth: 0, select: { name: true, site: true }, disableErrors: true, overrideAccess: true, req })
  return row ? { name: row.name, site: idOf(row.site) } : null
}

/**
 * Copies the chosen unit's name into `nameField`, and refuses a unit of another site. Runs only
 * when the unit or the name is part of the change, so other saves cost nothing.
 */
export function copyUnitName(nameField: 'assignedUnit' | 'unit', sitesOf: SitesOf): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req }) => {
    if (!(ORGANISATION_UNIT in data) && !(nameField in data)) return data
    const chosen = idOf(data[ORGANISATION_UNIT] !== undefined ? data[ORGANISATION_UNIT] : originalDoc?.[ORGANISATION_UNIT])
    if (chosen === null) return data
    const unit = await unitName(req, chosen)
    const sites = sitesOf(data, originalDoc).map(String)
    if (!unit || unit.site === null || !sites.includes(String(unit.site))) {
      const message = 'Đơn vị được chọn không thuộc cơ cấu tổ chức của trang này.'
      throw new APIError(message, 400, { errors: [{ path: ORGANISATION_UNIT, message }] }, true)
    }
    data[nameField] = unit.name
    return data
  }
}

/**
 * A renamed unit renames the assignments and answerers that chose it (in the same transaction),
 * so answerers keep seeing their questions. Only the Vietnamese name counts, and only once published.
 */
export const renameAssignments: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  // Saved in English (or all languages at once): the Vietnamese name is not the one in `doc.name`.
  if (req.locale && req.locale !== 'vi') return doc
  if (doc._status === 'draft' || typeof doc.name !== 'string' || typeof previousDoc?.name !== 'string' || previousDoc.name === doc.name) return doc
  const where = { [ORGANISATION_UNIT]: { equals: doc.id } }
  // server rights: the questions' copied unit names follow the unit's own, whoever edits the unit
  await req.payload.update({ collection: 'questions', where, data: { assignedUnit: doc.name }, depth: 0, overrideAccess: true, req })
  // server rights: so do the answerers' unit names, which only administrators may otherwise change
  await req.payload.update({ collection: 'users', where, data: { unit: doc.name }, depth: 0, overrideAccess: true, req })
  return doc
}
