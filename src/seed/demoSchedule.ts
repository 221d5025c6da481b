import type { Payload, PayloadRequest } from 'payload'

import type { ScheduleEntry, Site } from '../payload-types.ts'
import type { SeedReport } from './seed.ts'

import { currentWeek, daysOf, middayOf, shiftWeek, type Week } from '../schedule/week.ts'

/** Original, fictitious demo data: a week of the leaders' work schedule, one entry adjusted after publishing. */

type DemoEntry = {
  /** 0 = Monday of the week. */
  weekday: number
  startTime: string
  endTime?: string
  leaders?: string[]
  unit?: string
  presider?: string
  content: string
  place?: string
  attendees?: string
  notes?: string
  recurring?: boolean
  /** Published first, then changed and published again: shown as "Điều chỉnh". */
  adjust?: Partial<Pick<DemoEntry, 'startTime' | 'endTime' | 'place'>>
}

const HOABINH: DemoEntry[] = [
  {
    weekday: 0,
    startTime: '07:30',
    endTime: '09:00',
    leaders: ['dang-thi-huong', 'nguyen-van-duc', 'bui-quoc-khanh'],
    content: 'Giao ban Thường trực Tỉnh ủy',
    place: 'Phòng họp số 1, trụ sở Tỉnh ủy',
    attendees: 'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; Chánh Văn phòng Tỉnh ủy',
    recurring: true,
  },
  { weekday: 0, startTime: '14:00', leaders: ['nguyen-van-duc'], unit: 'ban-to-chuc-tinh-uy', content: 'Làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ', place: 'Trụ sở Tỉnh ủy' },
  {
    weekday: 1,
    startTime: '08:00',
    endTime: '11:30',
    leaders: ['dang-thi-huong'],
    content: 'Dự Hội nghị trực tuyến toàn quốc quán triệt, triển khai nghị quyết của Trung ương',
    place: 'Điểm cầu Tỉnh ủy Hòa Bình',
    attendees: 'Ban Thường vụ Tỉnh ủy; lãnh đạo các ban, sở, ngành của tỉnh',
  },
  {
    weekday: 2,
    startTime: '08:00',
    leaders: ['bui-quoc-khanh'],
    content: 'Kiểm tra tiến độ xây dựng nông thôn mới tại huyện Cao Phong',
    place: 'Xã Bắc Phong, huyện Cao Phong',
    attendees: 'Lãnh đạo Văn phòng Điều phối nông thôn mới tỉnh; Sở Nông nghiệp và Môi trường',
    notes: 'Xe xuất phát tại trụ sở Tỉnh ủy',
    adjust: { startTime: '13:30', place: 'Xã Thu Phong, huyện Cao Phong' },
  },
  { weekday: 3, startTime: '08:00', leaders: ['dang-thi-huong'], content: 'Họp Ban Thường vụ Tỉnh ủy cho ý kiến về các đề án trình Hội nghị Tỉnh ủy', place: 'Phòng họp số 1, trụ sở Tỉnh ủy', attendees: 'Ban Thường vụ Tỉnh ủy' },
  { weekday: 4, startTime: '08:00', endTime: '11:00', leaders: ['dang-thi-huong'], content: 'Tiếp công dân định kỳ', place: 'Trụ sở Tiếp công dân tỉnh', recurring: true },
  { weekday: 4, startTime: '15:00', unit: 'van-phong-tinh-uy', presider: 'Chánh Văn phòng Tỉnh ủy', content: 'Giao ban Văn phòng Tỉnh ủy', place: 'Phòng họp Văn phòng Tỉnh ủy', recurring: true },
]

const KONTUM: DemoEntry[] = [
  {
    weekday: 0,
    startTime: '07:30',
    endTime: '09:00',
    leaders: ['a-thong', 'y-ngoc', 'tran-duc-hai'],
    content: 'Giao ban lãnh đạo UBND tỉnh',
    place: 'Phòng họp A, UBND tỉnh',
    attendees: 'Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh',
    recurring: true,
  },
  { weekday: 1, startTime: '08:00', leaders: ['a-thong'], content: 'Phiên họp thường kỳ UBND tỉnh tháng 12', place: 'Hội trường UBND tỉnh', attendees: 'Thành viên UBND tỉnh; Giám đốc các sở, ban, ngành' },
  {
    weekday: 2,
    startTime: '08:00',
    leaders: ['tran-duc-hai'],
    content: 'Kiểm tra tình hình phát triển vùng trồng sâm Ngọc Linh tại huyện Tu Mơ Rông',
    place: 'Xã Măng Ri, huyện Tu Mơ Rông',
    attendees: 'Sở Nông nghiệp và Môi trường; UBND huyện Tu Mơ Rông',
    adjust: { startTime: '07:00', place: 'Xã Ngọk Lây, huyện Tu Mơ Rông' },
  },
  { weekday: 3, startTime: '14:00', leaders: ['y-ngoc'], unit: 'so-noi-vu', content: 'Làm việc với Sở Nội vụ về sắp xếp tổ chức bộ máy', place: 'Sở Nội vụ' },
  { weekday: 4, startTime: '08:00', endTime: '11:00', leaders: ['a-thong'], content: 'Tiếp công dân định kỳ', place: 'Trụ sở Tiếp công dân tỉnh', recurring: true },
]

export const DEMO_SCHEDULES: Record<string, DemoEntry[]> = { hoabinh: HOABINH, kontum: KONTUM }

/**
 * A week of schedule for a site: the week of the seed, and last week's recurring entries (so the
 * previous week has something and "copy last week" has a source). Idempotent: an entry with the
 * same day and content on the site is left alone.
 */
export async function seedDemoSchedule(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>, week: Week = currentWeek()): Promise<void> {
  const demo = DEMO_SCHEDULES[site.key]
  if (!demo) return
  // Slugs to ids of the site's people and units, read once.
  const idsBySlug = async (collection: 'people' | 'units') =>
    new Map((await payload.find({ collection, where: { site: { equals: site.id } }, depth: 0, limit: 500, pagination: false, select: { slug: true } })).docs.map((doc) => [doc.slug, doc.id]))
  const [people, units] = await Promise.all([idsBySlug('people'), idsBySlug('units')])
  const lastWeek = shiftWeek(week, -1)
  const wanted = [...demo.filter((entry) => entry.recurring).map((entry) => ({ entry, week: lastWeek, adjust: false })), ...demo.map((entry) => ({ entry, week, adjust: true }))]
  for (const { entry, week: inWeek, adjust } of wanted) {
    const day = daysOf(inWeek)[entry.weekday]!
    const existing = await payload.count({
      collection: 'schedule-entries',
      where: { and: [{ site: { equals: site.id } }, { content: { equals: entry.content } }, { date: { equals: middayOf(day) } }] },
    })
    if (existing.totalDocs > 0) {
      report.existing++
      continue
    }
    const data: Omit<ScheduleEntry, 'createdAt' | 'id' | 'updatedAt'> = {
      site: site.id,
      date: middayOf(day),
      startTime: entry.startTime,
      endTime: entry.endTime,
      leaders: (entry.leaders ?? []).map((slug) => people.get(slug)!),
      unit: entry.unit ? units.get(entry.unit) : undefined,
      presider: entry.presider,
      content: entry.content,
      place: entry.place,
      attendees: entry.attendees,
      notes: entry.notes,
      recurring: Boolean(entry.recurring),
      _status: 'published',
    }
    const created = await payload.create({ collection: 'schedule-entries', data, depth: 0, req })
    if (adjust && entry.adjust) await payload.update({ collection: 'schedule-entries', id: created.id, data: entry.adjust, depth: 0, req })
    report.created++
  }
}
