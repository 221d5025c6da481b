import { foldVietnamese } from '../lib/vietnamese.ts'
import { vietnamDay } from './validity.ts'

/**
 * Numbers and symbols of legal documents ("278/QĐ-UBND") the way clerks type them: with or
 * without accents, in any case, with slashes, hyphens or spaces between the parts, or only the
 * first parts ("278/QĐ", "278"). Both the stored number and the query become the same folded
 * word list, and a query matches a number whose words start with the query's words in order.
 */

/** "278/QĐ-UBND" → "278 qd ubnd" */
export function numberKey(number: string): string {
  return foldVietnamese(number.normalize('NFC')).replace(/[^a-z0-9]+/g, ' ').trim()
}

/**
 * Whether a query looks like a number (it has a digit and at most four parts, or is a symbol
 * with a slash): such a query is looked up among numbers before the text is searched.
 */
export function looksLikeNumber(query: string): boolean {
  const key = numberKey(query)
  if (!key || !/\d/.test(key.split(' ')[0]!)) return false
  return key.split(' ').length <= 5
}

export type NumberMatch = 'exact' | 'prefix' | 'none'

/** How a stored number key answers a query key: all of it, its first parts, or not at all. */
export function matchNumber(storedKey: string, queryKey: string): NumberMatch {
  if (!queryKey) return 'none'
  if (storedKey === queryKey) return 'exact'
  const stored = storedKey.split(' ')
  const query = queryKey.split(' ')
  if (query.length > stored.length) return 'none'
  // The number itself must be whole ("27" is not 278); the last word of the symbol may be cut short.
  const fits = (word: string, index: number) => (index === query.length - 1 && index > 0 ? stored[index]!.startsWith(word) : stored[index] === word)
  return query.every(fits) ? 'prefix' : 'none'
}

/** "278/QĐ-UBND", issued 2024 → "278-qd-ubnd-2024": numbers repeat from year to year. */
export function documentSlug(number: string, issuedAt: string | null | undefined): string {
  const year = issuedAt ? vietnamDay(issuedAt).slice(0, 4) : undefined
  return [numberKey(number).replace(/ /g, '-'), year].filter(Boolean).join('-')
}
