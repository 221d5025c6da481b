import { foldVietnamese, toNFC } from '../lib/vietnamese.ts'

export const MAX_QUERY_LENGTH = 200
const MAX_WORDS = 8

export type ParsedQuery = { text: string; words: string[] }

/**
 * A query word of one letter or digit ("6 tháng", "quý I") is matched as a whole word: as the start
 * of a word it would match almost every text.
 */
export const isWholeWord = (word: string) => word.length === 1

export class SearchQueryError extends Error {}

/** NFC, folded, split into words; NFD input, capitals and missing accents all give the same words. */
export function parseSearchQuery(raw: unknown): ParsedQuery {
  if (raw === undefined) return { text: '', words: [] }
  if (typeof raw !== 'string') throw new SearchQueryError('Từ khóa tìm kiếm không hợp lệ.')
  const text = toNFC(raw).trim()
  if (text.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`Từ khóa quá dài (tối đa ${MAX_QUERY_LENGTH} ký tự).`)
  const words = [...new Set(foldVietnamese(text).split(/[^a-z0-9]+/).filter(Boolean))].slice(0, MAX_WORDS)
  return { text, words }
}
