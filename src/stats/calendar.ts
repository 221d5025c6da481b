/**
 * Day keys of the Asia/Ho_Chi_Minh calendar (UTC+7, no daylight saving): a visit at 23:59 on
 * 31/12 in Hà Nội belongs to that year even though it is 16:59 UTC.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** A source of the current time; tests pass a controlled one. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

let lastDay = { from: 0, to: -1, key: '' }

/** "2024-06-30" for any instant of 30/06/2024 in Vietnam (the last day computed is remembered). */
export function vietnamDay(instant: Date): string {
  const time = instant.getTime()
  if (time >= lastDay.from && time < lastDay.to) return lastDay.key
  const shifted = time + VIETNAM_OFFSET_MS
  const from = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - VIETNAM_OFFSET_MS
  lastDay = { from, to: from + DAY_MS, key: new Date(shifted).toISOString().slice(0, 10) }
  return lastDay.key
}

/** The day before a day key. */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
}

/** The day key `days` days before `day` (0 = the same day). */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
}

/** Ranges of day keys (inclusive) for the statistics box. */
export function calendarRanges(now: Date) {
  const today = vietnamDay(now)
  const month = today.slice(0, 7)
  const year = today.slice(0, 4)
  return {
    today,
    yesterday: previousDay(today),
    month: { from: `${month}-01`, to: `${month}-31`, label: month.slice(5, 7) },
    year: { from: `${year}-01-01`, to: `${year}-12-31`, label: year },
  }
}
