/**
 * Ranking of search matches. Matching itself is the read model's (src/site/readModel): it finds
 * the newest records whose folded words start with every query word; this orders them.
 */

/** Ranking looks at this many of the newest matches; older ones beyond it are not shown. */
export const MAX_CANDIDATES = 1000

export type SearchCandidate = { id: string; searchTitle: string }
export type SearchResults<T> = { docs: T[]; totalDocs: number; page: number; totalPages: number; capped: boolean }

/** Title matches first: the whole phrase in the title, then all words in the title, then the rest. */
export function rankScore(searchTitle: string, words: string[]): number {
  const hasWord = (word: string) => searchTitle.includes(` ${word}`)
  if (words.length > 1 && searchTitle.includes(` ${words.join(' ')}`)) return 3
  if (words.every(hasWord)) return 2
  return words.some(hasWord) ? 1 : 0
}

/**
 * The ids of one page of results, from candidates newest first (at most MAX_CANDIDATES + 1: one
 * more than ranked tells that there were more, without counting every match).
 */
export function rankPage(candidates: SearchCandidate[], words: string[], page: number, perPage: number) {
  const capped = candidates.length > MAX_CANDIDATES
  const ranked = candidates
    .slice(0, MAX_CANDIDATES)
    .map((candidate, order) => ({ id: candidate.id, score: rankScore(candidate.searchTitle, words), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
  return {
    ids: ranked.slice((page - 1) * perPage, page * perPage).map((candidate) => candidate.id),
    totalDocs: ranked.length,
    totalPages: Math.ceil(ranked.length / perPage),
    capped,
  }
}
