import type { Payload } from 'payload'

import type { Article } from '../../src/payload-types.ts'

export type ArticleInput = Partial<Omit<Article, 'id' | 'createdAt' | 'updatedAt'>> & Pick<Article, 'title' | 'site'>

/** Creates an article as the system would; the slug comes from the title unless given. */
export function createArticle(
  payload: Payload,
  data: ArticleInput,
  options: { draft?: boolean; req?: Parameters<Payload['create']>[0]['req'] } = {},
): Promise<Article> {
  return payload.create({ collection: 'articles', data: { slug: '', ...data }, draft: options.draft, req: options.req })
}
