import { toNFC } from '../lib/vietnamese.ts'

/** Plain text from what a citizen typed: NFC, no HTML tags or control characters, tidy whitespace. */
export function plainText(raw: unknown, { multiline = false } = {}): string {
  if (typeof raw !== 'string') return ''
  let text = toNFC(raw)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\r\n?/g, '\n')
  text = multiline ? text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ')
  return text.trim()
}

const LINK = /\bhttps?:\/\/|\bwww\./gi
export const MAX_LINKS = 3

/** Why a submission looks like spam (many links, the same words over and over), or undefined. */
export function spamSignals(text: string): string | undefined {
  const links = text.match(LINK)?.length ?? 0
  if (links > MAX_LINKS) return `Có ${links} đường liên kết`
  const words = text.toLowerCase().split(/\s+/).filter((word) => word.length > 1)
  if (words.length >= 20 && new Set(words).size / words.length < 0.3) return 'Lặp lại nhiều lần cùng một nội dung'
  return undefined
}
