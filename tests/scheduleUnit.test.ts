import { describe, expect, it } from 'vitest'

import { adjustmentOf, type PublishedValues } from '../src/schedule/adjustment.ts'
import { escapeText, foldLine } from '../src/schedule/ical.ts'
import { currentWeek, dayOf, daysOf, formatScheduleDay, mondayOf, parseWeek, shiftWeek, weekName, weekOfDay, weekRange } from '../src/schedule/week.ts'
import { contentLines, unescapeText } from './helpers/ical.ts'

describe('weeks on the Vietnamese calendar', () => {
  it('names ISO weeks, Monday first, across year ends', () => {
    expect(weekName(weekOfDay('2026-12-07'))).toBe('2026-W50')
    expect(mondayOf({ year: 2026, week: 50 })).toBe('2026-12-07')
    expect(weekName(weekOfDay('2027-01-03'))).toBe('2026-W53')
    expect(weekName(weekOfDay('2024-12-30'))).toBe('2025-W01')
    expect(weekName(shiftWeek({ year: 2026, week: 53 }, 1))).toBe('2027-W01')
    expect(daysOf({ year: 2026, week: 50 }).map(formatScheduleDay)).toEqual([
      'Thứ Hai, 07/12/2026',
      'Thứ Ba, 08/12/2026',
      'Thứ Tư, 09/12/2026',
      'Thứ Năm, 10/12/2026',
      'Thứ Sáu, 11/12/2026',
      'Thứ Bảy, 12/12/2026',
      'Chủ Nhật, 13/12/2026',
    ])
  })

  it('accepts only weeks that exist', () => {
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 })
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-W5', '2026W50', ' 2026-W50', '1999-W10']) expect(parseWeek(bad), bad).toBeUndefined()
  })

  it('turns the week at midnight on Monday in Vietnam, not in UTC', () => {
    // Sunday 13/12/2026 23:30 in Vietnam is 16:30 UTC; Monday 00:30 in Vietnam is Sunday 17:30 UTC.
    expect(weekName(currentWeek(new Date('2026-12-13T16:30:00Z')))).toBe('2026-W50')
    expect(weekName(currentWeek(new Date('2026-12-13T17:30:00Z')))).toBe('2026-W51')
    expect(dayOf('2026-12-13T17:30:00Z')).toBe('2026-12-14')
    expect(weekRange({ year: 2026, week: 51 })).toEqual({ from: '2026-12-13T17:00:00.000Z', to: '2026-12-20T17:00:00.000Z' })
  })
})

describe('iCalendar text', () => {
  it('escapes what RFC 5545 asks and the test reader undoes it', () => {
    const original = 'Họp; bàn, \\ kết luận\nDòng hai'
    expect(escapeText(original)).toBe('Họp\\; bàn\\, \\\\ kết luận\\nDòng hai')
    expect(unescapeText(escapeText(original))).toBe(original)
  })

  it('folds at 75 octets without splitting a Vietnamese letter', () => {
    const line = `SUMMARY:${'Hội nghị tổng kết công tác năm của Ủy ban nhân dân tỉnh '.repeat(4)}`
    const folded = foldLine(line)
    expect(contentLines(`${folded}\r\n`)).toEqual([line])
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
      expect(part).not.toContain('\uFFFD')
    }
  })
})

describe('adjustments', () => {
  const before: PublishedValues = { day: '2026-12-09', time: '08:00', who: 'Bùi Quốc Khánh', content: 'Kiểm tra', place: 'Xã A', attendees: '' }
  it('names each changed value with what it was, and nothing when readers see no change', () => {
    expect(adjustmentOf(before, { ...before })).toBeUndefined()
    expect(adjustmentOf(before, { ...before, time: '13:30–15:00', day: '2026-12-10', attendees: 'Sở Nội vụ' })).toBe('Ngày: 09/12/2026 → 10/12/2026; Giờ: 08:00 → 13:30–15:00; Thành phần: (trống) → Sở Nội vụ')
  })
})
