import type { PayloadRequest } from 'payload'

import type { Media, Person, Unit } from '../../payload-types.ts'
import type { Id, PublicImage } from './records.ts'
import type { ReadStore, StoredRecord } from './store.ts'

import { toSearchText } from '../../lib/vietnamese.ts'
import { pageTags } from '../cache/tags.ts'
import { richTextToHtml } from '../richText.ts'
import { toPublicImage } from './images.ts'
import { record } from './project.ts'
import { refreshScheduleEntriesListing } from './schedule.ts'
import { readStoreOf, scopeOf } from './store.ts'
import { addPurge, asPublic, type Purges, purgeAfterCommit, write } from './sync.ts'

/**
 * The organisation's records in the read model: one 'unit' record per published unit and one
 * 'person' record per published person, with the listings the pages read ('leader', 'contact',
 * 'spokesperson', 'unit:<id>'). Written and purged like the articles' (src/site/readModel/sync.ts).
 * Each record carries the Vietnamese texts and, under `en`, their English translations (null where
 * none is written yet) for the English pages (src/english).
 */

export type UnitKind = 'agency' | 'attached' | 'department'
export type UnitLink = { id: Id; slug: string; name: string; /** The English name; null while untranslated. */ nameEn?: string | null }

/** A published unit as lists and the chart show it. */
export type PublicUnit = UnitLink & {
  site: Id
  kind: UnitKind
  /** The unit it belongs to; null for the agency at the root. */
  parent: Id | null
  order: number
  address: string | null
  phone: string | null
  email: string | null
  website: string | null
  en: { name: string | null; address: string | null }
}
/** The unit's own page: functions and duties, already HTML, in both languages. */
export type PublicUnitPage = PublicUnit & { functionsHtml: string; functionsHtmlEn: string }

export type PublicPerson = {
  id: Id
  site: Id
  slug: string
  name: string
  title: string
  /** Null when the person has no unit or the unit is not published. */
  unit: UnitLink | null
  photo: PublicImage | null
  phone: string | null
  email: string | null
  bio: string | null
  order: number
  isLeader: boolean
  isContact: boolean
  isSpokesperson: boolean
  en: { title: string | null; bio: string | null }
}

/** One published document read in Vietnamese and in English (no fallback: untranslated is empty). */
type Localized<T> = { vi: T; en: T | undefined }

const idOf = (value: Id | { id: Id } | null | undefined): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

export function projectUnit({ vi: doc, en }: Localized<Unit>): StoredRecord {
  const unit: PublicUnit = {
    id: doc.id,
    site: idOf(doc.site)!,
    slug: doc.slug,
    name: doc.name,
    kind: doc.kind,
    parent: idOf(doc.parent),
    order: doc.order ?? 0,
    address: doc.address ?? null,
    phone: doc.phone ?? null,
    email: doc.email ?? null,
    website: doc.website ?? null,
    en: { name: en?.name || null, address: en?.address || null },
  }
  return record({
    kind: 'unit',
    id: String(doc.id),
    site: String(unit.site),
    slug: doc.slug,
    sortAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(unit),
    data: JSON.stringify({ functionsHtml: richTextToHtml(doc.functions), functionsHtmlEn: en?.functions ? richTextToHtml(en.functions) : '' }),
    searchTitle: toSearchText(doc.name),
    searchText: toSearchText([doc.name, en?.name].filter(Boolean).join(' ')),
    lists: [],
  })
}

/** A published person (depth 1: unit and photo as the public reads them). */
export function projectPerson({ vi: doc, en }: Localized<Person>): StoredRecord {
  const unitEn = en?.unit && typeof en.unit === 'object' ? en.unit.name || null : null
  const unit = doc.unit && typeof doc.unit === 'object' ? { id: doc.unit.id, slug: doc.unit.slug, name: doc.unit.name, nameEn: unitEn } : null
  const photo = toPublicImage(doc.photo as Media | Id | null | undefined)
  const person: PublicPerson = {
    id: doc.id,
    site: idOf(doc.site)!,
    slug: doc.slug,
    name: doc.name,
    title: doc.title,
    unit,
    photo,
    phone: doc.phone ?? null,
    email: doc.email ?? null,
    bio: doc.bio ?? null,
    order: doc.order ?? 0,
    isLeader: Boolean(doc.isLeader),
    isContact: Boolean(doc.isContact),
    isSpokesperson: Boolean(doc.isSpokesperson),
    en: { title: en?.title || null, bio: en?.bio || null },
  }
  const unitId = idOf(doc.unit)
  const lists = [
    ...(person.isLeader ? ['leader'] : []),
    ...(person.isContact ? ['contact'] : []),
    ...(person.isSpokesperson ? ['spokesperson'] : []),
    // Kept for an unpublished unit too: publishing it rewrites its people.
    ...(unitId !== null ? [`unit:${unitId}`] : []),
    ...(photo ? [`media:${photo.id}`] : []),
  ]
  return record({
    kind: 'person',
    id: String(doc.id),
    site: String(person.site),
    slug: doc.slug,
    sortAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(person),
    data: '{}',
    searchTitle: toSearchText(doc.name),
    // The directory (Vietnamese or English) finds a person by name, title, unit, phone or e-mail.
    searchText: toSearchText([doc.name, doc.title, unit?.name, person.en.title, unitEn, doc.phone, doc.email].filter(Boolean).join(' ')),
    lists,
  })
}

type Kind = 'person' | 'unit'

async function refresh(req: PayloadRequest, kind: Kind, id: Id, purges: Purges): Promise<void> {
  // Both languages, whatever the locale of the editor's request: a save in either changes the record.
  const read = async (locale: 'en' | 'vi') =>
    (
      await req.payload.find({
        collection: kind === 'unit' ? 'units' : 'people',
        overrideAccess: false,
        where: { id: { equals: id } },
        depth: 1,
        limit: 1,
        pagination: false,
        locale,
        fallbackLocale: false,
        req: asPublic(req),
      })
    ).docs[0]
  const doc = await read('vi')
  const en = doc ? await read('en') : undefined
  const next = doc?.site ? (kind === 'unit' ? projectUnit({ vi: doc as Unit, en: en as Unit | undefined }) : projectPerson({ vi: doc as Person, en: en as Person | undefined })) : undefined
  const change = await write(readStoreOf(req.payload), await scopeOf(req), kind, String(id), next)
  if (!change) return
  for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, [pageTags.organisation])
}

/** Rewrites these people's records (a changed photo, a rebuild). */
export async function refreshPeople(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  for (const id of ids) await refresh(req, 'person', id, purges)
  return purges
}

export async function refreshUnits(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  for (const id of ids) await refresh(req, 'unit', id, purges)
  return purges
}

/** After a unit changed: its record, then its people's (they show its name). */
export async function unitChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  const purges = await refreshUnits(req, [id])
  if (site !== undefined) {
    const members = await readStoreOf(req.payload).members(await scopeOf(req), String(site), `unit:${id}`)
    await refreshPeople(req, members.filter((member) => member.kind === 'person').map((member) => member.id), purges)
    // The schedule's entries show the unit's name.
    await refreshScheduleEntriesListing(req, site, `unit:${id}`, purges)
  }
  await purgeAfterCommit(req, purges)
}

/** After a person changed: their record, and the schedule entries that show their name and title. */
export async function personChanged(req: PayloadRequest, id: Id, site: Id | undefined): Promise<void> {
  const purges = await refreshPeople(req, [id])
  if (site !== undefined) await refreshScheduleEntriesListing(req, site, `person:${id}`, purges)
  await purgeAfterCommit(req, purges)
}

const byOrder = <T extends { order: number; name: string }>(items: T[]): T[] =>
  items.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'vi'))

/** Every record of a kind on a site is small and few (an agency has tens of units, not thousands). */
const ALL = 2000

/** The organisation pages' lookups over the read model. */
export function createOrganisationReader(store: ReadStore) {
  const site = (ref: { id: Id }) => String(ref.id)
  const parse = <T>(rows: string[]) => rows.map((row) => JSON.parse(row) as T)
  return {
    /** The site's published units, by order. */
    async units(ref: { id: Id }): Promise<PublicUnit[]> {
      return byOrder(parse<PublicUnit>(await store.list({ kind: 'unit', site: site(ref), offset: 0, limit: ALL })))
    },
    async unit(ref: { id: Id }, slug: string): Promise<PublicUnitPage | undefined> {
      const found = await store.bySlug('unit', site(ref), slug)
      return found ? { ...(JSON.parse(found.summary) as PublicUnit), ...(JSON.parse(found.data) as { functionsHtml: string; functionsHtmlEn: string }) } : undefined
    },
    /** Published people of a listing ('leader', 'contact', 'spokesperson', 'unit:<id>') or all, by order. */
    async people(ref: { id: Id }, list?: string): Promise<PublicPerson[]> {
      return byOrder(parse<PublicPerson>(await store.list({ kind: 'person', site: site(ref), list, offset: 0, limit: ALL })))
    },
    /** People whose name, title, unit or contacts have words starting with every (folded) word. */
    async searchPeople(ref: { id: Id }, words: string[]): Promise<PublicPerson[]> {
      const hits = await store.search('person', site(ref), words, ALL)
      return byOrder(parse<PublicPerson>(await store.summaries('person', site(ref), hits.map((hit) => hit.id))))
    },
  }
}
export type OrganisationReader = ReturnType<typeof createOrganisationReader>
