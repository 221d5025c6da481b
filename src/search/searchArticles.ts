import type { Payload, Where } from 'payload'

import type { Site } from '../payload-types.ts'
import type { ArticleSummary } from '../site/queries/articles.ts'
import type { ParsedQuery } from './query.ts'

import { publishedOnSite, SUMMARY_SELECT } from '../site/queries/articles.ts'
import { findSqliteCandidates, type SearchCandidate, sqliteClientOf } from './sqliteSearchIndex.ts'

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
  // One more than shown tells whether there were more; no count query over all matches.
  const candidates = await findCandidates(payload, site, query.words, MAX_CANDIDATES + 1)
  const capped = candidates.length > MAX_CANDIDATES
  const ranked = candidates
    .slice(0, MAX_CANDIDATES)
    .map((doc, order) => ({ id: doc.id, score: rankScore(doc.searchTitle, query.words), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
  const totalDocs = ranked.length
  const totalPages = Math.ceil(totalDocs / perPage)
  const pageIds = ranked.slice((page - 1) * perPage, page * perPage).map((doc) => doc.id)
  if (pageIds.length === 0) return { docs: [], totalDocs, page, totalPages, capped }
  // The page itself is read through the Local API, with the public's access rules.
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
  return { docs: pageIds.map((id) => byId.get(id)).filter((doc): doc is ArticleSummary => Boolean(doc)), totalDocs, page, totalPages, capped }
}

/** Matching published articles of the site, newest first: the FTS5 index on SQLite, the folded text elsewhere. */
async function findCandidates(payload: Payload, site: Site, words: string[], limit: number): Promise<SearchCandidate[]> {
  const sqlite = sqliteClientOf(payload)
  if (sqlite) return findSqliteCandidates(sqlite, site, words, limit)
  const result = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: [publishedOnSite(site), ...wordPrefixFilters(words)] },
    sort: '-publishedAt',
    limit,
    depth: 0,
    pagination: false,
    select: { searchTitle: true },
  })
  return result.docs.map((doc) => ({ id: doc.id, searchTitle: doc.searchTitle ?? '' }))
}
