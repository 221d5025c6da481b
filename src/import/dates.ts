/**
 * Publish dates as legacy portals print them. Every date is a wall-clock time in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), returned as a UTC Date.
 */
const OFFSET_HOURS = 7

export function vietnamTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  const date = new Date(Date.UTC(year, month - 1, day, hour - OFFSET_HOURS, minute, second))
  // 31/02 rolls over into March: not a date.
  const check = new Date(date.getTime() + OFFSET_HOURS * 3600_000)
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? date : null
}

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year))

/** "Ngày đăng: 25/07/2020 10:18", "Cập nhật: 25-07-2020 10:18:05", "Đăng ngày 25/07/2020" */
const POSTED = /(?:ng[àa]y\s+đăng|đăng\s+ng[àa]y|ng[àa]y\s+xuất\s+bản|cập\s+nhật(?:\s+l[úu]c)?|ng[àa]y\s+cập\s+nhật)\s*:?\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-,|]?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?/iu

/** SharePoint, en-US: "7/30/2019 12:00:00 AM" (month first, 12-hour clock). */
const SHAREPOINT = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)\b/i

/** Portal header: "Thứ 7, Ngày 05/12/2020", "Thứ Bảy, 05/12/2020", "Chủ nhật, ngày 6/12/2020" */
const HEADER = /^(?:thứ\s+(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*(?:ng[àa]y\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/iu

/** First date of the text: "Ngày 29/7/2020", "Chiều 29/7/2019", "sáng ngày 24/7/2020", "Ngày 30-6". */
const TEXT_DATE = /(?:^|[\s(,])(?:(?:ng[àa]y|s[áa]ng|tr[ưu]a|chi[ềe]u|t[ốo]i|đ[êe]m)\s+)+(?:ng[àa]y\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?\b/iu
const BARE_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/u

/** `article:published_time` and its kin: ISO 8601, with or without an offset ("2020-07-25T10:18:00+07:00", "2020-07-25"). */
const METADATA = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

export type DateKind = 'posted' | 'sharepoint' | 'metadata' | 'header' | 'text'
export type FoundDate = { date: Date; kind: DateKind; text: string }

export function parsePostedDate(line: string): FoundDate | null {
  const match = POSTED.exec(line)
  if (!match) return null
  const [, day, month, year, hour, minute, second] = match
  const date = vietnamTime(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0))
  return date ? { date, kind: 'posted', text: match[0] } : null
}

export function parseSharePointDate(line: string): FoundDate | null {
  const match = SHAREPOINT.exec(line)
  if (!match) return null
  const [, month, day, year, hour12, minute, second, ampm] = match
  let hour = Number(hour12) % 12
  if (ampm!.toUpperCase() === 'PM') hour += 12
  const date = vietnamTime(Number(year), Number(month), Number(day), hour, Number(minute), Number(second ?? 0))
  return date ? { date, kind: 'sharepoint', text: match[0] } : null
}

export function parseHeaderDate(line: string): FoundDate | null {
  const match = HEADER.exec(line.trim())
  if (!match) return null
  const date = vietnamTime(Number(match[3]), Number(match[2]), Number(match[1]))
  return date ? { date, kind: 'header', text: match[0] } : null
}

/** A publish time from the page's metadata; without an offset it is a wall-clock time in UTC+7. */
export function parseMetadataDate(value: string): FoundDate | null {
  const text = value.trim()
  const match = METADATA.exec(text)
  if (!match) return null
  const [, year, month, day, hour, minute, second, offset] = match
  const local = vietnamTime(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0))
  if (!local) return null
  if (!offset) return { date: local, kind: 'metadata', text }
  // The same wall-clock time at the offset the page states instead of UTC+7.
  const sign = offset[0] === '-' ? -1 : 1
  const minutes = offset.toUpperCase() === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)))
  return { date: new Date(local.getTime() + (OFFSET_HOURS * 60 - minutes) * 60_000), kind: 'metadata', text }
}

/** A date in running text; a date without its year ("Ngày 30-6") takes `contextYear`. */
export function parseTextDate(text: string, contextYear?: number): FoundDate | null {
  const match = TEXT_DATE.exec(text) ?? BARE_DATE.exec(text)
  if (!match) return null
  const [, day, month, year] = match
  const fullYearValue = year ? fullYear(year) : contextYear
  if (!fullYearValue) return null
  const date = vietnamTime(fullYearValue, Number(month), Number(day))
  return date ? { date, kind: 'text', text: match[0].trim() } : null
}

/** A year the page speaks of, for dates printed without one: "năm 2020", "29/7/2020". */
export function contextYear(text: string): number | undefined {
  const match = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/u.exec(text) ?? /năm\s+(\d{4})\b/iu.exec(text)
  if (!match) return undefined
  const year = Number(match[match.length - 1])
  return year >= 1990 && year <= 2100 ? year : undefined
}
