import { numberKey } from './number.ts'
import { vietnamDay } from './validity.ts'

/**
 * Numbers of documents named in article text — "Quyết định số 487/QĐ-UBND ngày 15/7/2020" — and
 * the links the article's page gives them when the register holds the document. Computed when
 * the article is published or the document is added (src/site/readModel), never per request.
 */
const NUMBER = /(?<![\p{L}\d/])(\d{1,5}\/[A-ZĐ]{1,10}(?:-[A-ZĐ]{1,10}){0,3})(?:\s+ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4}))?/gu

export type Mention = { key: string; day?: string }
export type RegisteredNumber = { slug: string; issuedAt: string }

const pad = (value: string) => value.padStart(2, '0')

export function findMentions(text: string): Mention[] {
  return [...text.normalize('NFC').matchAll(NUMBER)].map((match) => ({
    key: numberKey(match[1]!),
    ...(match[4] ? { day: `${match[4]}-${pad(match[3]!)}-${pad(match[2]!)}` } : {}),
  }))
}

/** The document a mention means: the one issued that day when a day is given, else the newest. */
function pick(candidates: RegisteredNumber[] | undefined, day: string | undefined): RegisteredNumber | undefined {
  if (!candidates?.length) return undefined
  if (day) return candidates.find((candidate) => vietnamDay(candidate.issuedAt) === day)
  return [...candidates].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0]
}

/**
 * Wraps registered numbers in the text of rendered HTML (never inside a tag or an existing link)
 * with a link to the document's page.
 */
export function linkMentions(html: string, registered: Map<string, RegisteredNumber[]>, hrefOf: (slug: string) => string): string {
  if (registered.size === 0) return html
  let insideLink = 0
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) insideLink++
        else if (/^<\/a>/i.test(part)) insideLink = Math.max(0, insideLink - 1)
        return part
      }
      if (insideLink > 0) return part
      return part.replace(NUMBER, (whole, number: string, day?: string, month?: string, year?: string) => {
        const found = pick(registered.get(numberKey(number)), year ? `${year}-${pad(month!)}-${pad(day!)}` : undefined)
        return found ? `<a class="document-link" href="${hrefOf(found.slug)}">${whole}</a>` : whole
      })
    })
    .join('')
}
