import type { PublicScheduleEntry } from '../site/readModel/schedule.ts'

import { TIME_ZONE } from '../lib/dates.ts'

/**
 * The schedule as an iCalendar feed (RFC 5545): one VEVENT per entry, times in Asia/Ho_Chi_Minh
 * with its VTIMEZONE (UTC+7 all year, no daylight saving), text escaped, lines folded at 75 octets
 * without splitting a UTF-8 character, CRLF line ends.
 */

export type CalendarInfo = { name: string; host: string; url: string; now: Date }

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

const localTime = (day: string, time: string) => `${day.replace(/-/g, '')}T${time.replace(':', '')}00`
const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

function describe(entry: PublicScheduleEntry): string {
  const lines = [
    ...(entry.leaders.length > 0 || entry.unit || entry.presider
      ? [`Chủ trì: ${[...entry.leaders.map((leader) => `${leader.name} (${leader.title})`), entry.unit?.name, entry.presider].filter(Boolean).join(', ')}`]
      : []),
    ...(entry.attendees ? [`Thành phần: ${entry.attendees}`] : []),
    ...(entry.notes ? [`Ghi chú: ${entry.notes}`] : []),
    ...entry.changes.map((change) => `Điều chỉnh: ${change.summary}`),
  ]
  return lines.join('\n')
}

export function renderCalendar(entries: PublicScheduleEntry[], info: CalendarInfo): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cong tin//Lich cong tac//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(info.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TIME_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:ICT',
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:lich-cong-tac-${entry.id}@${info.host}`,
      `DTSTAMP:${utcStamp(info.now)}`,
      `LAST-MODIFIED:${utcStamp(new Date(entry.updatedAt))}`,
      `DTSTART;TZID=${TIME_ZONE}:${localTime(entry.day, entry.startTime)}`,
      ...(entry.endTime && entry.endTime > entry.startTime ? [`DTEND;TZID=${TIME_ZONE}:${localTime(entry.day, entry.endTime)}`] : []),
      `SUMMARY:${escapeText(entry.changes.length > 0 ? `[Điều chỉnh] ${entry.content}` : entry.content)}`,
      ...(entry.place ? [`LOCATION:${escapeText(entry.place)}`] : []),
      ...(describe(entry) ? [`DESCRIPTION:${escapeText(describe(entry))}`] : []),
      `URL:${info.url}`,
      // Each publish of an adjustment is a new revision for calendars that already hold the event.
      `SEQUENCE:${entry.changes.length}`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
