/** Dates as Vietnamese portals print them, always in the Asia/Ho_Chi_Minh calendar. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

const weekday = new Intl.DateTimeFormat('vi-VN', { weekday: 'long', timeZone: TIME_ZONE })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE })
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIME_ZONE })
// Made once: toLocaleString builds a formatter on every call.
const number = new Intl.NumberFormat('vi-VN')
const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })

const toDate = (value: Date | string): Date => (typeof value === 'string' ? new Date(value) : value)

// Vietnam has kept UTC+7 without summer time since 13 June 1975 (tz database, Asia/Ho_Chi_Minh),
// so from then on its calendar day is arithmetic. A register page prints and compares about eighty
// days; through Intl (and the Date that Next.js wraps in this process) that was 5 % of its time.
const UTC_PLUS_7_SINCE = Date.UTC(1975, 5, 12, 17)
const SEVEN_HOURS = 7 * 60 * 60 * 1000
const DAY = 24 * 60 * 60 * 1000

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * Year, month and day of an instant on Vietnam's calendar, or undefined before 13 June 1975 or
 * for an invalid date (the callers then ask Intl). The civil-from-days algorithm of the
 * proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level date algorithms").
 */
function vietnamCalendar(time: number): [year: number, month: number, day: number] | undefined {
  if (!(time >= UTC_PLUS_7_SINCE) || time > 8.64e15) return undefined
  const days = Math.floor((time + SEVEN_HOURS) / DAY) + 719_468
  const era = Math.floor(days / 146_097)
  const dayOfEra = days - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

const timeOf = (value: Date | string) => (typeof value === 'string' ? Date.parse(value) : value.getTime())

/** "2020-12-05": the calendar day of an instant in Vietnam, as stored and compared. */
export function isoDay(value: Date | string): string {
  const calendar = vietnamCalendar(timeOf(value))
  if (!calendar) return isoDayFormat.format(toDate(value))
  return `${calendar[0]}-${twoDigits(calendar[1])}-${twoDigits(calendar[2])}`
}

/** "05/12/2020" */
export function formatDate(value: Date | string): string {
  const calendar = vietnamCalendar(timeOf(value))
  if (!calendar) return dayMonthYear.format(toDate(value))
  return `${twoDigits(calendar[2])}/${twoDigits(calendar[1])}/${calendar[0]}`
}

/** "25/07/2020 10:18" */
export function formatDateTime(value: Date | string): string {
  const time = timeOf(value)
  const calendar = vietnamCalendar(time)
  if (!calendar) return `${dayMonthYear.format(toDate(value))} ${hourMinute.format(toDate(value))}`
  const minutes = Math.floor(((time + SEVEN_HOURS) % DAY) / 60_000)
  return `${twoDigits(calendar[2])}/${twoDigits(calendar[1])}/${calendar[0]} ${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`
}

/** "Thứ Bảy, 05/12/2020" */
export function formatDateHeader(value: Date | string): string {
  const date = toDate(value)
  const day = weekday.format(date)
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}, ${dayMonthYear.format(date)}`
}

/** "45.038.767" */
export function formatNumber(value: number): string {
  // Whole numbers (counts, views) grouped by hand: Intl's format was 2 % of a register page.
  if (Number.isSafeInteger(value)) return String(value).replace(/\B(?=(\d{3})+$)/g, '.')
  return number.format(value)
}
