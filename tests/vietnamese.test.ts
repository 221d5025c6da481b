import { describe, expect, it } from 'vitest'

import { formatDate, formatDateHeader, formatDateTime, formatNumber, isoDay } from '../src/lib/dates.ts'
import { foldVietnamese, normalizeDeep, slugify } from '../src/lib/vietnamese.ts'

describe('accent folding', () => {
  it('folds every spelling of a Vietnamese phrase to the same ASCII, đ included', () => {
    const expected = 'hoi nghi dang bo tinh dien bien'
    expect(foldVietnamese('Hội nghị Đảng bộ tỉnh Điện Biên')).toBe(expected)
    expect(foldVietnamese('HỘI NGHỊ ĐẢNG BỘ TỈNH ĐIỆN BIÊN')).toBe(expected)
    expect(foldVietnamese('Hội nghị Đảng bộ tỉnh Điện Biên'.normalize('NFD'))).toBe(expected)
    expect(foldVietnamese('hoi nghi dang bo tinh dien bien')).toBe(expected)
  })
})

describe('slugs', () => {
  it('makes the ASCII slugs Vietnamese portals use', () => {
    expect(slugify('Khối thi đua các cơ quan Đảng tỉnh')).toBe('khoi-thi-dua-cac-co-quan-dang-tinh')
    expect(slugify('Toàn cảnh Hội nghị')).toBe('toan-canh-hoi-nghi')
    expect(slugify('  Thông báo: lịch tiếp công dân (tháng 12/2020)!  ')).toBe('thong-bao-lich-tiep-cong-dan-thang-12-2020')
    expect(slugify('Đường')).toBe('duong')
  })

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('Hội nghị '.repeat(40), 50)
    expect(slug.length).toBeLessThanOrEqual(50)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug.split('-').every((word) => ['hoi', 'nghi'].includes(word))).toBe(true)
  })
})

describe('NFC storage', () => {
  it('normalises decomposed text inside nested data and leaves other values alone', () => {
    const nfd = 'Điện Biên'.normalize('NFD')
    const result = normalizeDeep({ title: nfd, views: 3, tags: [nfd], body: { root: { children: [{ text: nfd }] } }, when: null })
    expect(result.title).toBe('Điện Biên'.normalize('NFC'))
    expect(result.title).not.toBe(nfd)
    expect(result.tags[0]).toBe('Điện Biên'.normalize('NFC'))
    expect(result.body.root.children[0]!.text).toBe('Điện Biên'.normalize('NFC'))
    expect(result.views).toBe(3)
    expect(result.when).toBeNull()
  })
})

describe('dates and numbers in vi-VN, Asia/Ho_Chi_Minh', () => {
  it('prints portal dates in UTC+7', () => {
    // 17:30 UTC on 4 December is 00:30 on Saturday 5 December in Vietnam.
    const date = new Date('2020-12-04T17:30:00Z')
    expect(formatDateHeader(date)).toBe('Thứ Bảy, 05/12/2020')
    expect(formatDate(date)).toBe('05/12/2020')
    expect(formatDateTime(date)).toBe('05/12/2020 00:30')
    expect(formatDateHeader('2020-12-06T03:00:00Z')).toBe('Chủ Nhật, 06/12/2020')
    expect(formatDateTime('2020-07-25T03:18:00Z')).toBe('25/07/2020 10:18')
  })

  it('gives the same day as the time zone database, before and after Vietnam settled on UTC+7 in 1975', () => {
    const zone = { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' } as const
    const iso = new Intl.DateTimeFormat('en-CA', zone)
    const printed = new Intl.DateTimeFormat('en-GB', zone)
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    const instants = [Date.UTC(1975, 5, 12, 16, 59), Date.UTC(1975, 5, 12, 17), Date.UTC(2000, 1, 28, 17), Date.UTC(2000, 1, 29, 16, 59, 59, 999), Date.UTC(2024, 11, 31, 17)]
    // Every 37 h 17 min and 13 s from 1960 to 2100 meets each hour of the day, month ends and leap days.
    for (let time = Date.UTC(1960, 0, 1); time < Date.UTC(2100, 0, 1); time += 134_233_000) instants.push(time)
    const wrong = instants.filter((time) => {
      const date = new Date(time)
      return (
        isoDay(date) !== iso.format(date) ||
        isoDay(date.toISOString()) !== iso.format(date) ||
        formatDate(date) !== printed.format(date) ||
        formatDateTime(date.toISOString()) !== `${printed.format(date)} ${clock.format(date)}`
      )
    })
    expect(wrong.map((time) => new Date(time).toISOString())).toEqual([])
    expect(isoDay('2024-04-30T16:59:59.999Z')).toBe('2024-04-30')
    expect(isoDay('2024-04-30T17:00:00.000Z')).toBe('2024-05-01')
    expect(() => formatDate('không phải ngày')).toThrow(RangeError)
  })

  it('groups thousands with dots', () => {
    expect(formatNumber(45038767)).toBe('45.038.767')
    expect(formatNumber(818)).toBe('818')
    expect(formatNumber(1000)).toBe('1.000')
    expect(formatNumber(-1234567)).toBe('-1.234.567')
    expect(formatNumber(1.5)).toBe('1,5')
    const intl = new Intl.NumberFormat('vi-VN')
    for (let digits = 1; digits <= 16; digits++) expect(formatNumber(Number('9'.repeat(digits)))).toBe(intl.format(Number('9'.repeat(digits))))
  })
})
