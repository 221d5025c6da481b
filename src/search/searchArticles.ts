import type { Payload, Where } from 'payload'

import type { Site } from '../payload-types.ts'
import type { ArticleSummary } from '../site/queries/articles.ts'
import type { ParsedQuery } from './query.ts'

import { publishedOnSite, SUMMARY_SELECT } from '../site/queries/articles.ts'

/** Ranking looks at this many of the newest matches; older ones beyond it are not shown. */
export const MAX_CANDIDATES = 1000

export type SearchResults = { docs: ArticleSummary[]; totalDocs: number; page: number; totalPages: number; capped: boolean }

/** Title matches first: the whole phrase in the title, then all words in the title, then the rest. */
export function rankScore(searchTitle: string, words: string[]): number {
  const hasWord = (word: string) => searchTitle.includes(` ${word}`)
  if (words.length > 1 && searchTitle.includes(` ${words.join(' ')}`)) return 3
  if (words.every(hasWord)) return 2
  return words.some(hasWord) ? 1 : 0
}

/** Each word must start a word of the text: " hoi" matches "hội nghị" but not "khối". */
export const wordPrefixFilters = (words: string[]): Where[] => words.map((word) => ({ searchText: { contains: ` ${word}` } }))

/**
 * Accent-insensitive search over title, lead and body of the site's published articles, using the
 * folded `searchText` field so SQLite, PostgreSQL and MongoDB return the same results.
 */
export async function searchArticles(payload: Payload, site: Site, query: ParsedQuery, page: number, perPage = 10): Promise<SearchResults> {
  if (query.words.length === 0) return { docs: [], totalDocs: 0, page: 1, totalPages: 0, capped: false }
  const where: Where = { and: [publishedOnSite(site), ...wordPrefixFilters(query.words)] }
  const candidates = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where,
    sort: '-publishedAt',
    limit: MAX_CANDIDATES,
    depth: 0,
    select: { searchTitle: true, publishedAt: true },
  })
  const ranked = candidates.docs
    .map((doc, order) => ({ id: doc.id, score: rankScore(doc.searchTitle ?? '', query.words), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
  const totalDocs = Math.min(candidates.totalDocs, MAX_CANDIDATES)
  const totalPages = Math.ceil(totalDocs / perPage)
  const pageIds = ranked.slice((page - 1) * perPage, page * perPage).map((doc) => doc.id)
  if (pageIds.length === 0) return { docs: [], totalDocs, page, totalPages, capped: candidates.totalDocs > MAX_CANDIDATES }
  const docs = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: [publishedOnSite(site), { id: { in: pageIds } }] },
    limit: pageIds.length,
    depth: 1,
    select: SUMMARY_SELECT,
    pagination: false,
  })
  const byId = new Map(docs.docs.map((doc) => [doc.id, doc as ArticleSummary]))
  return {
    docs: pageIds.map((id) => byId.get(id)).filter((doc): doc is ArticleSummary => Boolean(doc)),
    totalDocs,
    page,
    totalPages,
    capped: candidates.totalDocs > MAX_CANDIDATES,
  }
}
