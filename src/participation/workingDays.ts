import { TIME_ZONE } from '../lib/dates.ts'

const DAY_MS = 24 * 60 * 60 * 1000

const LOCAL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar day (UTC midnight of it) of an instant in Asia/Ho_Chi_Minh. */
function localDay(instant: Date): number {
  const [year, month, day] = LOCAL_DATE.format(instant).split('-').map(Number)
  return Date.UTC(year!, month! - 1, day!)
}

/**
 * Working days (Monday to Friday, Vietnamese calendar) that have passed since `from`: the day of
 * receipt does not count, today does. Public holidays are not known here and count as working days.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0
  for (let day = localDay(from) + DAY_MS; day <= localDay(to); day += DAY_MS) {
    const weekday = new Date(day).getUTCDay()
    if (weekday !== 0 && weekday !== 6) count++
  }
  return count
}
