import { TIME_ZONE } from '../lib/dates.ts'

/**
 * Weeks of the work schedule: ISO weeks (Monday to Sunday, as Vietnamese offices plan them) on the
 * Asia/Ho_Chi_Minh calendar, named "2026-W50" in addresses. Days are "yyyy-mm-dd" strings, so no
 * time zone can move an entry to another day once its day is known.
 */

export type Week = { year: number; week: number }
/** The seven days of a week, Monday first. */
export type WeekDays = [string, string, string, string, string, string, string]

const DAY_MS = 86_400_000
const WEEK_NAME = /^(\d{4})-W(\d{2})$/
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

const vietnamDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE })

/** The day of an instant on the Vietnamese calendar: "2026-12-07". */
export function dayOf(instant: Date | string): string {
  return vietnamDay.format(typeof instant === 'string' ? new Date(instant) : instant)
}

/** Midday of a day in Vietnam, as an instant: how a day is stored, far from either midnight. */
export function middayOf(day: string): string {
  return `${day}T05:00:00.000Z`
}

const utcOf = (day: string): number => Date.parse(`${day}T00:00:00Z`)
const dayFromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

export function addDays(day: string, days: number): string {
  return dayFromUtc(utcOf(day) + days * DAY_MS)
}

/** The ISO week a day belongs to (the week of its Thursday). */
export function weekOfDay(day: string): Week {
  const date = new Date(utcOf(day))
  const weekday = date.getUTCDay() || 7
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1
  return { year, week }
}

/** The Monday of a week. */
export function mondayOf({ year, week }: Week): string {
  // 4 January is always in week 1.
  const fourth = Date.UTC(year, 0, 4)
  const weekday = new Date(fourth).getUTCDay() || 7
  return dayFromUtc(fourth - (weekday - 1) * DAY_MS + (week - 1) * 7 * DAY_MS)
}

export function daysOf(week: Week): WeekDays {
  const monday = mondayOf(week)
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index)) as WeekDays
}

export function weekName({ year, week }: Week): string {
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** "2026-W50" → the week, or undefined for anything else (week 53 only in years that have one). */
export function parseWeek(value: string): Week | undefined {
  const match = WEEK_NAME.exec(value)
  if (!match) return undefined
  const week = { year: Number(match[1]), week: Number(match[2]) }
  if (week.year < 2000 || week.year > 2100 || week.week < 1) return undefined
  const back = weekOfDay(mondayOf(week))
  return back.year === week.year && back.week === week.week ? week : undefined
}

export function isDay(value: string): boolean {
  const match = DAY.exec(value)
  return Boolean(match) && dayFromUtc(utcOf(value)) === value
}

export function currentWeek(now: Date = new Date()): Week {
  return weekOfDay(dayOf(now))
}

export function shiftWeek(week: Week, weeks: number): Week {
  return weekOfDay(addDays(mondayOf(week), weeks * 7))
}

/** The instants a week covers in Vietnam: from Monday 00:00 to the next Monday 00:00 (UTC+7, no DST). */
export function weekRange(week: Week): { from: string; to: string } {
  const monday = mondayOf(week)
  return { from: new Date(Date.parse(`${monday}T00:00:00+07:00`)).toISOString(), to: new Date(Date.parse(`${addDays(monday, 7)}T00:00:00+07:00`)).toISOString() }
}

const weekdayName = new Intl.DateTimeFormat('vi-VN', { weekday: 'long', timeZone: 'UTC' })

/** "Thứ Hai, 07/12/2026" */
export function formatScheduleDay(day: string): string {
  const name = weekdayName.format(new Date(utcOf(day)))
  const [year, month, date] = day.split('-')
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}, ${date}/${month}/${year}`
}

/** "07/12/2026" */
export function formatShortDay(day: string): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}
