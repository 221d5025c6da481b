/** Dates as Vietnamese portals print them, always in the Asia/Ho_Chi_Minh calendar. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

const weekday = new Intl.DateTimeFormat('vi-VN', { weekday: 'long', timeZone: TIME_ZONE })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE })
const hourMinute = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })

const toDate = (value: Date | string): Date => (typeof value === 'string' ? new Date(value) : value)

/** "05/12/2020" */
export function formatDate(value: Date | string): string {
  return dayMonthYear.format(toDate(value))
}

/** "25/07/2020 10:18" */
export function formatDateTime(value: Date | string): string {
  const date = toDate(value)
  return `${dayMonthYear.format(date)} ${hourMinute.format(date)}`
}

/** "Thứ Bảy, 05/12/2020" */
export function formatDateHeader(value: Date | string): string {
  const date = toDate(value)
  const day = weekday.format(date)
  return `${day.charAt(0).toUpperCase()}${day.slice(1)}, ${dayMonthYear.format(date)}`
}

/** "45.038.767" */
export function formatNumber(value: number): string {
  return value.toLocaleString('vi-VN')
}
