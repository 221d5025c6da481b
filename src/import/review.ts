import type { Extracted } from './extract.ts'

/**
 * Why an article should wait for an editor rather than be published by `--publish`: its title
 * or its date is only a guess (`low`). A wrong title hides the article from searches for its
 * real one; a wrong date files it in the wrong month of the archive.
 */
export function reviewReasons(page: Pick<Extracted, 'title' | 'publishedAt'>): string[] {
  const reasons: string[] = []
  if (page.title?.confidence === 'low') reasons.push(`title is a guess (${page.title.from})`)
  if (page.publishedAt?.confidence === 'low') reasons.push(`date is a guess (${page.publishedAt.from})`)
  return reasons
}
