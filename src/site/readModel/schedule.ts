import type { PayloadRequest } from 'payload'

import type { Person, ScheduleEntry, Unit } from '../../payload-types.ts'
import type { Id } from './records.ts'
import type { ReadStore, StoredRecord } from './store.ts'

import { dayOf, weekName, weekOfDay } from '../../schedule/week.ts'
import { pageTags } from '../cache/tags.ts'
import { record } from './project.ts'
import { readStoreOf, scopeOf } from './store.ts'
import { addPurge, asPublic, type Purges, purgeAfterCommit, write } from './sync.ts'

/**
 * The work schedule's records: one 'scheduleEntry' per published entry, listed under its week
 * ('week:2026-W50') and under the people and unit it names ('person:<id>', 'unit:<id>', so a
 * renamed leader rewrites the entries showing the name). A change purges the pages of the weeks
 * the entry was and is in, on its site only.
 */

export type ScheduleLeader = { id: Id; name: string; title: string }
export type ScheduleAdjustment = { at: string; summary: string }

export type PublicScheduleEntry = {
  id: Id
  site: Id
  /** "2026-12-07" on the Vietnamese calendar. */
  day: string
  startTime: string
  endTime: string | null
  leaders: ScheduleLeader[]
  unit: { id: Id; slug: string; name: string } | null
  presider: string | null
  content: string
  place: string | null
  attendees: string | null
  notes: string | null
  /** Changes made after it was published, oldest first; "Điều chỉnh" when there is one. */
  changes: ScheduleAdjustment[]
  updatedAt: string
}

const idOf = (value: Id | { id: Id } | null | undefined): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? value.id : value

export function projectScheduleEntry(doc: ScheduleEntry): StoredRecord {
  const day = dayOf(doc.date)
  // Depth 1 as the public reads it: an unpublished leader or unit is not an object, so not shown.
  const leaders = (doc.leaders ?? [])
    .filter((leader): leader is Person => typeof leader === 'object' && leader !== null)
    .map((leader) => ({ id: leader.id, name: leader.name, title: leader.title }))
  const unit = doc.unit && typeof doc.unit === 'object' ? { id: (doc.unit as Unit).id, slug: (doc.unit as Unit).slug, name: (doc.unit as Unit).name } : null
  const entry: PublicScheduleEntry = {
    id: doc.id,
    site: idOf(doc.site)!,
    day,
    startTime: doc.startTime,
    endTime: doc.endTime || null,
    leaders,
    unit,
    presider: doc.presider || null,
    content: doc.content,
    place: doc.place || null,
    attendees: doc.attendees || null,
    notes: doc.notes || null,
    changes: (doc.changes ?? []).map((change) => ({ at: change.at, summary: change.summary })),
    updatedAt: doc.updatedAt,
  }
  const leaderIds = (doc.leaders ?? []).map((leader) => idOf(leader as Id | { id: Id })).filter((id): id is Id => id !== null)
  const unitId = idOf(doc.unit as Id | { id: Id } | null | undefined)
  return record({
    kind: 'scheduleEntry',
    id: String(doc.id),
    site: String(entry.site),
    slug: null,
    sortAt: `${day}T${doc.startTime}`,
    updatedAt: doc.updatedAt,
    summary: JSON.stringify(entry),
    data: '{}',
    searchTitle: '',
    searchText: '',
    // Kept for unpublished leaders and units too: publishing them rewrites the entry.
    lists: [`week:${weekName(weekOfDay(day))}`, ...leaderIds.map((id) => `person:${id}`), ...(unitId !== null ? [`unit:${unitId}`] : [])],
  })
}

const weekTags = (lists: string[]) => lists.filter((list) => list.startsWith('week:')).map((list) => pageTags.scheduleWeek(list.slice('week:'.length)))

export async function refreshScheduleEntries(req: PayloadRequest, ids: Id[], purges: Purges = new Map()): Promise<Purges> {
  for (const id of ids) {
    const found = await req.payload.find({
      collection: 'schedule-entries',
      overrideAccess: false,
      where: { id: { equals: id } },
      depth: 1,
      limit: 1,
      pagination: false,
      req: asPublic(req),
    })
    const doc = found.docs[0]
    const change = await write(readStoreOf(req.payload), await scopeOf(req), 'scheduleEntry', String(id), doc?.site ? projectScheduleEntry(doc) : undefined)
    if (!change) continue
    for (const side of [change.before, change.after]) if (side) addPurge(purges, side.site, weekTags(side.lists))
  }
  return purges
}

/** The entries that name a person or unit ('person:<id>', 'unit:<id>') on a site, rewritten with its new name. */
export async function refreshScheduleEntriesListing(req: PayloadRequest, site: Id, list: string, purges: Purges): Promise<void> {
  const members = await readStoreOf(req.payload).members(await scopeOf(req), String(site), list)
  await refreshScheduleEntries(
    req,
    members.filter((member) => member.kind === 'scheduleEntry').map((member) => member.id),
    purges,
  )
}

export async function scheduleEntryChanged(req: PayloadRequest, id: Id): Promise<void> {
  await purgeAfterCommit(req, await refreshScheduleEntries(req, [id]))
}

/** A week has tens of entries, not thousands. */
const ALL = 1000

/** The schedule pages' lookup over the read model. */
export function createScheduleReader(store: ReadStore) {
  return {
    /** The site's published entries of a week, by day and time. */
    async week(ref: { id: Id }, week: string): Promise<PublicScheduleEntry[]> {
      const rows = await store.list({ kind: 'scheduleEntry', site: String(ref.id), list: `week:${week}`, offset: 0, limit: ALL })
      return rows.map((row) => JSON.parse(row) as PublicScheduleEntry).sort((a, b) => `${a.day}T${a.startTime}`.localeCompare(`${b.day}T${b.startTime}`) || String(a.id).localeCompare(String(b.id)))
    },
  }
}
export type ScheduleReader = ReturnType<typeof createScheduleReader>
