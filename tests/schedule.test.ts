import type { ScheduleEntry, Site } from '../src/payload-types.ts'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'
import type { Component } from './helpers/ical.ts'

import { currentWeek, daysOf, formatScheduleDay, middayOf, shiftWeek, type Week, weekName } from '../src/schedule/week.ts'
import { DEMO_SCHEDULES } from '../src/seed/demoSchedule.ts'
import { rebuildReadModel } from '../src/site/readModel/rebuild.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { parseCalendar, prop, text } from './helpers/ical.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site
let week: Week

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const ADJUSTED_HOABINH = 'Kiểm tra tiến độ xây dựng nông thôn mới tại huyện Cao Phong'

const get = (host: string, path: string) => request(portal.app).get(path).set('Host', host)
const fresh = (host: string, path: string) => freshPage(() => get(host, path))
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ')
/** The HTML of one entry of a page, found by its content: from its item to the next item or the end of its day. */
const entryHtml = (html: string, content: string) => {
  const at = html.indexOf(content)
  expect(at, content).toBeGreaterThan(0)
  const ends = [html.indexOf('<li class="schedule-entry', at), html.indexOf('</section>', at)].filter((index) => index > 0)
  return html.slice(html.lastIndexOf('<li class="schedule-entry', at), Math.min(...ends))
}
const events = (calendar: Component) => calendar.components.filter((component) => component.type === 'VEVENT')
const findEntry = async (content: string, site: Site) =>
  (await portal.payload.find({ collection: 'schedule-entries', where: { and: [{ content: { equals: content } }, { site: { equals: site.id } }, { date: { greater_than_equal: middayOf(daysOf(week)[0]) } }] }, limit: 1, depth: 0 })).docs[0]!

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  week = currentWeek()
})
afterAll(async () => {
  await portal?.close()
})

describe('the week page', () => {
  it('shows this week day by day, Monday to Sunday in Vietnamese, with the site\'s entries', async () => {
    const res = await get(HOABINH_HOST, '/lich-cong-tac')
    expect(res.status).toBe(200)
    const page = textOf(res.text)
    expect(page).toContain(`Lịch công tác tuần ${week.week}`)
    const headings = [...res.text.matchAll(/<h2 id="ngay-[^"]+" class="schedule-day-title">([^<]+)<\/h2>/g)].map((match) => match[1])
    expect(headings).toEqual(daysOf(week).map(formatScheduleDay))
    expect(headings[0]).toMatch(/^Thứ Hai, \d{2}\/\d{2}\/\d{4}$/)
    expect(headings[6]).toMatch(/^Chủ Nhật, /)
    for (const entry of DEMO_SCHEDULES.hoabinh!) expect(page).toContain(entry.content)
    // Monday's briefing: time, leaders with titles, place and attendees.
    expect(page).toContain('07:30 – 09:00')
    expect(page).toContain('Đặng Thị Hương, Bí thư Tỉnh ủy; Nguyễn Văn Đức, Phó Bí thư Thường trực Tỉnh ủy')
    expect(page).toContain('Thành phần Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy')
    // Entries appear under their day, in time order.
    const monday = res.text.indexOf(`id="ngay-${daysOf(week)[0]}"`)
    const tuesday = res.text.indexOf(`id="ngay-${daysOf(week)[1]}"`)
    const briefing = res.text.indexOf('Giao ban Thường trực Tỉnh ủy')
    const afternoon = res.text.indexOf('Làm việc với Ban Tổ chức Tỉnh ủy')
    expect(monday < briefing && briefing < afternoon && afternoon < tuesday).toBe(true)
    expect(textOf(res.text.slice(res.text.indexOf(`id="ngay-${daysOf(week)[6]}"`)))).toContain('Không có lịch công tác.')
  })

  it('marks an entry changed after publishing as "Điều chỉnh" and shows what it was before', async () => {
    const res = await get(HOABINH_HOST, '/lich-cong-tac')
    const adjusted = entryHtml(res.text, ADJUSTED_HOABINH)
    expect(adjusted).toContain('is-adjusted')
    expect(textOf(adjusted)).toContain('13:30 Điều chỉnh')
    expect(textOf(adjusted)).toContain('Lịch sử điều chỉnh')
    expect(textOf(adjusted)).toContain('Giờ: 08:00 → 13:30; Địa điểm: Xã Bắc Phong, huyện Cao Phong → Xã Thu Phong, huyện Cao Phong')
    expect(entryHtml(res.text, 'Tiếp công dân định kỳ')).not.toContain('Điều chỉnh')
    expect(res.text.match(/class="schedule-badge"/g)).toHaveLength(1)
  })

  it('links the weeks before and after, and each shows its own days and entries', async () => {
    const res = await get(HOABINH_HOST, '/lich-cong-tac')
    const previous = weekName(shiftWeek(week, -1))
    const next = weekName(shiftWeek(week, 1))
    expect(res.text).toContain(`href="/lich-cong-tac?tuan=${previous}" rel="prev"`)
    expect(res.text).toContain(`href="/lich-cong-tac?tuan=${next}" rel="next"`)
    expect(res.text).toContain('<span aria-current="page">Tuần này</span>')
    const before = await get(HOABINH_HOST, `/lich-cong-tac?tuan=${previous}`)
    expect(before.status).toBe(200)
    const beforeText = textOf(before.text)
    expect(beforeText).toContain(formatScheduleDay(daysOf(shiftWeek(week, -1))[0]))
    // Last week holds only the recurring entries.
    expect(beforeText).toContain('Giao ban Thường trực Tỉnh ủy')
    expect(beforeText).not.toContain(ADJUSTED_HOABINH)
    expect(before.text).toContain('href="/lich-cong-tac">Tuần này</a>')
    expect(before.text).toContain(`<link rel="canonical" href="http://localhost:3000/lich-cong-tac?tuan=${previous}"/>`)
    const fixed = textOf((await get(HOABINH_HOST, '/lich-cong-tac?tuan=2026-W50')).text)
    expect(fixed).toContain('Lịch công tác tuần 50 (07/12/2026 – 13/12/2026)')
    expect(fixed).toContain('Thứ Hai, 07/12/2026')
    expect(fixed).toContain('Chủ Nhật, 13/12/2026')
  })

  it('answers a malformed or impossible week with 400 and a Vietnamese reason', async () => {
    for (const bad of ['2026-W60', '2025-W53', '2026-50', 'tuan-nay', '2026-W5', '99999-W01']) {
      for (const path of ['/lich-cong-tac', '/lich-cong-tac/ban-in', '/lich-cong-tac.ics']) {
        const res = await get(HOABINH_HOST, `${path}?tuan=${encodeURIComponent(bad)}`)
        expect(res.status, `${path} ${bad}`).toBe(400)
        expect(res.text, `${path} ${bad}`).toContain('Tuần không hợp lệ')
      }
    }
    expect((await get(HOABINH_HOST, '/lich-cong-tac?tuan=2026-W50&tuan=2026-W51')).status, 'two weeks').toBe(400)
  })

  it('has a printable view without menu or week links, and print rules in the stylesheet', async () => {
    const res = await get(HOABINH_HOST, `/lich-cong-tac/ban-in?tuan=${weekName(week)}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('class="print-page"')
    expect(res.text).not.toContain('class="site-nav"')
    expect(res.text).not.toContain('class="schedule-nav"')
    expect(res.text).toContain('<meta name="robots" content="noindex"/>')
    expect(textOf(res.text)).toContain('Trở lại lịch công tác')
    expect(textOf(res.text)).toContain(ADJUSTED_HOABINH)
    const page = await get(HOABINH_HOST, '/lich-cong-tac')
    expect(page.text).toContain(`href="/lich-cong-tac/ban-in?tuan=${weekName(week)}"`)
    const stylesheet = page.text.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!
    const css = (await get(HOABINH_HOST, stylesheet)).text
    expect(css).toMatch(/@media print \{\s*\.schedule-nav, \.schedule-tools \{ display: none; \}/)
  })

  it('is linked from the menu of every page', async () => {
    expect((await get(HOABINH_HOST, '/')).text).toContain('<a href="/lich-cong-tac">Lịch công tác</a>')
  })
})

describe('the iCalendar feed', () => {
  it('parses, and has the week\'s events in Asia/Ho_Chi_Minh with their details', async () => {
    const res = await get(KONTUM_HOST, '/lich-cong-tac.ics')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const calendar = parseCalendar(res.text)
    expect(calendar.type).toBe('VCALENDAR')
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0')
    const zone = calendar.components.find((component) => component.type === 'VTIMEZONE')!
    expect(prop(zone, 'TZID')?.value).toBe('Asia/Ho_Chi_Minh')
    expect(prop(zone.components[0]!, 'TZOFFSETTO')?.value).toBe('+0700')
    const found = events(calendar)
    // This week's entries (nothing is planned next week yet).
    expect(found.map((event) => text(event, 'SUMMARY')!.replace('[Điều chỉnh] ', '')).sort()).toEqual(DEMO_SCHEDULES.kontum!.map((entry) => entry.content).sort())
    const reception = found.find((event) => text(event, 'SUMMARY') === 'Tiếp công dân định kỳ')!
    const friday = daysOf(week)[4].replace(/-/g, '')
    expect(prop(reception, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Asia/Ho_Chi_Minh' }, value: `${friday}T080000` })
    expect(prop(reception, 'DTEND')?.value).toBe(`${friday}T110000`)
    expect(text(reception, 'LOCATION')).toBe('Trụ sở Tiếp công dân tỉnh')
    expect(text(reception, 'DESCRIPTION')).toBe('Chủ trì: A Thông (Chủ tịch UBND tỉnh)')
    expect(prop(reception, 'UID')?.value).toMatch(/^lich-cong-tac-\d+@127\.0\.0\.1$/)
    const adjusted = found.find((event) => text(event, 'SUMMARY')!.startsWith('[Điều chỉnh]'))!
    expect(prop(adjusted, 'DTSTART')?.value).toBe(`${daysOf(week)[2].replace(/-/g, '')}T070000`)
    expect(text(adjusted, 'DESCRIPTION')).toContain('Điều chỉnh: Giờ: 08:00 → 07:00')
    expect(prop(adjusted, 'SEQUENCE')?.value).toBe('1')
  })

  it('escapes commas, semicolons, backslashes and line breaks, and folds long lines', async () => {
    const content = 'Hội nghị sơ kết, đánh giá; rút kinh nghiệm \\ phương hướng năm 2027 của các cơ quan, đơn vị thuộc và trực thuộc tỉnh'
    const notes = 'Dòng một\nDòng hai, có dấu phẩy; và chấm phẩy'
    const entry = await portal.payload.create({
      collection: 'schedule-entries',
      data: { site: hoabinh.id, date: middayOf(daysOf(shiftWeek(week, 1))[2]), startTime: '09:00', content, notes, place: 'Hội trường A, B', _status: 'published' },
    })
    try {
      const res = await freshPage(() => get(HOABINH_HOST, `/lich-cong-tac.ics?tuan=${weekName(week)}`))
      expect(res.text).toMatch(/\r\n /)
      const event = events(parseCalendar(res.text)).find((candidate) => prop(candidate, 'UID')?.value.startsWith(`lich-cong-tac-${entry.id}@`))!
      expect(text(event, 'SUMMARY')).toBe(content)
      expect(text(event, 'LOCATION')).toBe('Hội trường A, B')
      expect(text(event, 'DESCRIPTION')).toBe(`Ghi chú: ${notes}`)
      expect(prop(event, 'DTEND')).toBeUndefined()
      // A feed asked for that later week starts there: this week's entries are not in it.
      const later = events(parseCalendar((await get(HOABINH_HOST, `/lich-cong-tac.ics?tuan=${weekName(shiftWeek(week, 1))}`)).text))
      expect(later.map((candidate) => text(candidate, 'SUMMARY'))).toEqual([content])
    } finally {
      await portal.payload.delete({ collection: 'schedule-entries', id: entry.id })
    }
  })
})

describe('one site never shows another site\'s schedule', () => {
  it('no page or feed of one site has an entry of the other', async () => {
    const contents = (key: string) => DEMO_SCHEDULES[key]!.map((entry) => entry.content).filter((content) => !DEMO_SCHEDULES[key === 'hoabinh' ? 'kontum' : 'hoabinh']!.some((other) => other.content === content))
    for (const path of ['/lich-cong-tac', `/lich-cong-tac?tuan=${weekName(shiftWeek(week, -1))}`, '/lich-cong-tac/ban-in', '/lich-cong-tac.ics']) {
      const kontumText = (await get(KONTUM_HOST, path)).text
      const hoabinhText = (await get(HOABINH_HOST, path)).text
      for (const content of contents('hoabinh')) expect(kontumText, `${path} on Kon Tum`).not.toContain(content.split(' ').slice(0, 4).join(' '))
      for (const content of contents('kontum')) expect(hoabinhText, `${path} on Hòa Bình`).not.toContain(content.split(' ').slice(0, 4).join(' '))
    }
    expect(textOf((await get(KONTUM_HOST, '/lich-cong-tac')).text)).toContain('Giao ban lãnh đạo UBND tỉnh')
  })

  it('an editor of one site neither lists nor changes the other\'s entries', async () => {
    const kontumEditor = await loginAs(portal.app, demoEmail.editor(KONTUM))
    const list = await request(portal.app).get('/api/schedule-entries').query({ draft: 'true', limit: 200, depth: 0 }).set('Authorization', kontumEditor)
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(0)
    expect(new Set(list.body.docs.map((doc: { site: number }) => doc.site))).toEqual(new Set([kontum.id]))
    const theirs = await findEntry('Tiếp công dân định kỳ', hoabinh)
    const change = await request(portal.app).patch(`/api/schedule-entries/${theirs.id}`).set('Authorization', kontumEditor).send({ place: 'Đổi trái phép' })
    expect([403, 404]).toContain(change.status)
    expect((await portal.payload.findByID({ collection: 'schedule-entries', id: theirs.id })).place).toBe('Trụ sở Tiếp công dân tỉnh')
  })
})

describe('drafts and adjustments', () => {
  let draft: ScheduleEntry
  let published: ScheduleEntry

  beforeAll(async () => {
    draft = await portal.payload.create({
      collection: 'schedule-entries',
      draft: true,
      data: { site: hoabinh.id, date: middayOf(daysOf(week)[3]), startTime: '16:00', content: 'Cuộc họp dự thảo chưa duyệt', _status: 'draft' },
    })
    published = await findEntry('Họp Ban Thường vụ Tỉnh ủy cho ý kiến về các đề án trình Hội nghị Tỉnh ủy', hoabinh)
    await portal.payload.update({ collection: 'schedule-entries', id: published.id, draft: true, data: { place: 'Địa điểm chưa duyệt', _status: 'draft' } })
  })

  it('pages and the feed never show a draft entry or a draft change', async () => {
    for (const path of ['/lich-cong-tac', '/lich-cong-tac/ban-in', '/lich-cong-tac.ics']) {
      const body = (await fresh(HOABINH_HOST, path)).text
      expect(body, path).not.toContain('dự thảo chưa duyệt')
      expect(body, path).not.toContain('chưa duyệt')
      expect(body, path).toContain('Họp Ban Thường vụ Tỉnh ủy cho ý kiến')
    }
    expect(entryHtml((await get(HOABINH_HOST, '/lich-cong-tac')).text, 'Họp Ban Thường vụ Tỉnh ủy cho ý kiến')).not.toContain('Điều chỉnh')
  })

  it('REST never gives an anonymous reader a draft, by list or by id, with or without ?draft=true', async () => {
    for (const draftParam of ['false', 'true']) {
      const list = await request(portal.app).get('/api/schedule-entries').query({ limit: 200, draft: draftParam, depth: 0 })
      expect(list.status).toBe(200)
      expect(list.body.totalDocs).toBeGreaterThan(0)
      const body = JSON.stringify(list.body)
      expect(body).not.toContain('chưa duyệt')
      expect(body).not.toContain('publishedSnapshot')
    }
    expect((await request(portal.app).get(`/api/schedule-entries/${draft.id}`)).status).toBe(404)
    expect((await request(portal.app).get(`/api/schedule-entries/${draft.id}?draft=true`)).status).toBe(404)
    const edited = await request(portal.app).get(`/api/schedule-entries/${published.id}?draft=true`)
    expect(edited.status).toBe(200)
    expect(edited.body.place).toBe('Phòng họp số 1, trụ sở Tỉnh ủy')
  })

  it('GraphQL never gives an anonymous reader a draft', async () => {
    const result = await graphql(portal.app, '{ all: ScheduleEntries(limit: 200) { docs { content place } } drafts: ScheduleEntries(draft: true, limit: 200) { docs { content place } } }')
    expect(result.errors).toBeUndefined()
    const body = JSON.stringify(result.data)
    expect(body).toContain('Tiếp công dân định kỳ')
    expect(body).not.toContain('chưa duyệt')
    for (const asDraft of [false, true]) {
      const single = await graphql(portal.app, 'query ($id: Int!, $draft: Boolean) { ScheduleEntry(id: $id, draft: $draft) { content } }', { id: draft.id, draft: asDraft })
      expect(single.data?.ScheduleEntry ?? null).toBeNull()
    }
  })

  it('publishing a change marks the entry and keeps the values readers saw before, each time', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    // Publishing the draft: compared with what was published, not with the draft.
    const first = await request(portal.app).patch(`/api/schedule-entries/${published.id}`).set('Authorization', editor).send({ startTime: '08:30', _status: 'published' })
    expect(first.status).toBe(200)
    let entry = entryHtml((await fresh(HOABINH_HOST, '/lich-cong-tac')).text, 'Họp Ban Thường vụ Tỉnh ủy cho ý kiến')
    expect(textOf(entry)).toContain('Điều chỉnh')
    expect(textOf(entry)).toContain('Giờ: 08:00 → 08:30; Địa điểm: Phòng họp số 1, trụ sở Tỉnh ủy → Địa điểm chưa duyệt')
    // A forged history is ignored; a second change adds a second line.
    const second = await request(portal.app)
      .patch(`/api/schedule-entries/${published.id}`)
      .set('Authorization', editor)
      .send({ place: 'Hội trường Tỉnh ủy', changes: [], publishedSnapshot: null, _status: 'published' })
    expect(second.status).toBe(200)
    entry = entryHtml((await fresh(HOABINH_HOST, '/lich-cong-tac')).text, 'Họp Ban Thường vụ Tỉnh ủy cho ý kiến')
    const history = [...entry.matchAll(/<li><time[^>]*>[^<]+<\/time>: ([^<]+)<\/li>/g)].map((match) => match[1])
    expect(history).toEqual(['Giờ: 08:00 → 08:30; Địa điểm: Phòng họp số 1, trụ sở Tỉnh ủy → Địa điểm chưa duyệt', 'Địa điểm: Địa điểm chưa duyệt → Hội trường Tỉnh ủy'])
    // A change readers do not see (the weekly flag) is not an adjustment.
    await portal.payload.update({ collection: 'schedule-entries', id: published.id, data: { recurring: true } })
    expect((await portal.payload.findByID({ collection: 'schedule-entries', id: published.id })).changes).toHaveLength(2)
  })

  it('renaming a leader rewrites the entries that name them', async () => {
    const leader = (await portal.payload.find({ collection: 'people', where: { slug: { equals: 'bui-quoc-khanh' } }, limit: 1, depth: 0 })).docs[0]!
    await portal.payload.update({ collection: 'people', id: leader.id, data: { title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh' } })
    expect(textOf(entryHtml((await fresh(HOABINH_HOST, '/lich-cong-tac')).text, ADJUSTED_HOABINH))).toContain('Bùi Quốc Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh')
  })

  it('a change purges the pages of its own week only', async () => {
    const later = `/lich-cong-tac?tuan=${weekName(shiftWeek(week, 3))}`
    await get(HOABINH_HOST, later)
    expect((await get(HOABINH_HOST, later)).headers['x-cache']).toBe('HIT')
    await get(HOABINH_HOST, '/lich-cong-tac')
    expect((await get(HOABINH_HOST, '/lich-cong-tac')).headers['x-cache']).toBe('HIT')
    await get(KONTUM_HOST, '/lich-cong-tac')
    expect((await get(KONTUM_HOST, '/lich-cong-tac')).headers['x-cache']).toBe('HIT')
    const reception = await findEntry('Tiếp công dân định kỳ', hoabinh)
    await portal.payload.update({ collection: 'schedule-entries', id: reception.id, data: { notes: 'Ghi chú mới cho buổi tiếp dân' } })
    expect(textOf((await fresh(HOABINH_HOST, '/lich-cong-tac')).text)).toContain('Ghi chú mới cho buổi tiếp dân')
    expect((await get(HOABINH_HOST, later)).headers['x-cache']).toBe('HIT')
    expect((await get(KONTUM_HOST, '/lich-cong-tac')).headers['x-cache']).toBe('HIT')
  })
})

describe('copying last week\'s recurring entries', () => {
  const copy = (body: Record<string, unknown>, authorization?: string) => {
    const req = request(portal.app).post('/api/schedule-entries/copy-recurring').send(body)
    return authorization ? req.set('Authorization', authorization) : req
  }
  const nextWeek = () => weekName(shiftWeek(week, 1))
  const inNextWeek = async (site: Site) =>
    (
      await portal.payload.find({
        collection: 'schedule-entries',
        draft: true,
        where: { and: [{ site: { equals: site.id } }, { date: { greater_than_equal: middayOf(daysOf(shiftWeek(week, 1))[0]) } }, { date: { less_than_equal: middayOf(daysOf(shiftWeek(week, 1))[6]) } }] },
        limit: 100,
        depth: 0,
      })
    ).docs

  it('copies this week\'s published recurring entries into next week as drafts, once', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(KONTUM))
    const recurring = DEMO_SCHEDULES.kontum!.filter((entry) => entry.recurring)
    const res = await copy({ week: nextWeek() }, editor)
    expect(res.status).toBe(200)
    expect(res.body.created).toBe(recurring.length)
    expect(res.body.message).toContain(`Đã sao chép ${recurring.length} mục`)
    const copies = await inNextWeek(kontum)
    expect(copies.map((entry) => entry.content).sort()).toEqual(recurring.map((entry) => entry.content).sort())
    for (const entry of copies) expect(entry._status).toBe('draft')
    const monday = copies.find((entry) => entry.content === 'Giao ban lãnh đạo UBND tỉnh')!
    expect(monday.date).toBe(middayOf(daysOf(shiftWeek(week, 1))[0]))
    expect(monday.startTime).toBe('07:30')
    expect(monday.leaders).toHaveLength(3)
    // Drafts: not on the public page of next week yet.
    expect(textOf((await fresh(KONTUM_HOST, `/lich-cong-tac?tuan=${nextWeek()}`)).text)).not.toContain('Giao ban lãnh đạo UBND tỉnh')
    const again = await copy({ week: nextWeek() }, editor)
    expect(again.body.created).toBe(0)
    expect(again.body.skipped).toBe(recurring.length)
    expect(await inNextWeek(kontum)).toHaveLength(recurring.length)
    expect(await inNextWeek(hoabinh)).toHaveLength(0)
  })

  it('refuses strangers, other roles, another site and a bad week, in Vietnamese', async () => {
    expect((await copy({ week: nextWeek() })).status).toBe(401)
    const reporter = await copy({ week: nextWeek() }, await loginAs(portal.app, demoEmail.reporter(HOABINH)))
    expect(reporter.status).toBe(403)
    expect(reporter.body.message).toContain('Chỉ biên tập viên')
    const otherSite = await copy({ week: nextWeek(), site: hoabinh.id }, await loginAs(portal.app, demoEmail.editor(KONTUM)))
    expect(otherSite.status).toBe(403)
    expect(otherSite.body.message).toBe('Bạn không biên tập trang này.')
    const badWeek = await copy({ week: '2026-W99' }, await loginAs(portal.app, demoEmail.editor(HOABINH)))
    expect(badWeek.status).toBe(400)
    expect(badWeek.body.message).toContain('Tuần không hợp lệ')
    expect(await inNextWeek(hoabinh)).toHaveLength(0)
  })

  it('offers the form to editors', async () => {
    const res = await request(portal.app).get('/api/schedule-entries/copy-recurring').set('Authorization', await loginAs(portal.app, demoEmail.editor(HOABINH)))
    expect(res.status).toBe(200)
    expect(res.text).toContain(`value="${nextWeek()}"`)
    expect(res.text).toContain(`<input type="hidden" name="site" value="${hoabinh.id}">`)
    expect((await request(portal.app).get('/api/schedule-entries/copy-recurring')).status).toBe(401)
  })
})

describe('the read model', () => {
  it('holds exactly the published entries of each site, and a rebuild writes the same', async () => {
    const store = readStoreOf(portal.payload)
    const counts = async () => [await store.count('scheduleEntry', String(hoabinh.id)), await store.count('scheduleEntry', String(kontum.id))]
    const published = async (site: Site) => (await portal.payload.count({ collection: 'schedule-entries', where: { and: [{ site: { equals: site.id } }, { _status: { equals: 'published' } }] } })).totalDocs
    const expected = [await published(hoabinh), await published(kontum)]
    expect(expected[1]).toBe(DEMO_SCHEDULES.kontum!.length + DEMO_SCHEDULES.kontum!.filter((entry) => entry.recurring).length)
    expect(await counts()).toEqual(expected)
    await rebuildReadModel(portal.payload)
    expect(await counts()).toEqual(expected)
  })
})
