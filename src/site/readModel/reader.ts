import type { ArticleSummary, Id, Page, PublicArticle, PublicAuthor, PublicCaption, PublicTag } from './records.ts'
import type { ReadStore } from './store.ts'

import { MAX_CANDIDATES, rankPage, type SearchResults } from '../../search/searchArticles.ts'

/**
 * The public site's one door to its data: named lookups over the read model, answering plain
 * records. Nothing here calls Payload; routes parse input, ask this, and hand the answer to views.
 */
export type SiteReader = ReturnType<typeof createSiteReader>

type SiteRef = { id: Id }

const parse = <T>(json: string): T => JSON.parse(json) as T

export function createSiteReader(store: ReadStore) {
  const site = (ref: SiteRef) => String(ref.id)

  async function page<T>(rows: Promise<string[]>, total: Promise<number>, pageNumber: number, perPage: number): Promise<Page<T>> {
    const [docs, totalDocs] = await Promise.all([rows, total])
    return { docs: docs.map((row) => parse<T>(row)), page: pageNumber, totalPages: Math.ceil(totalDocs / perPage), totalDocs }
  }

  return {
    async article(ref: SiteRef, slug: string): Promise<PublicArticle | undefined> {
      const found = await store.bySlug('article', site(ref), slug)
      return found ? { ...parse<ArticleSummary>(found.summary), ...parse<Omit<PublicArticle, keyof ArticleSummary>>(found.data) } : undefined
    },

    /** The newest articles, of one listing ('featured', 'category:7', 'tag:3', 'author:5') or all, without counting. */
    async newest(ref: SiteRef, list: string | undefined, limit: number): Promise<ArticleSummary[]> {
      return (await store.list({ kind: 'article', site: site(ref), list, offset: 0, limit })).map((row) => parse<ArticleSummary>(row))
    },

    /** A numbered page of a listing, with its count. */
    articles(ref: SiteRef, list: string | undefined, pageNumber: number, perPage: number): Promise<Page<ArticleSummary>> {
      const offset = (pageNumber - 1) * perPage
      return page(store.list({ kind: 'article', site: site(ref), list, offset, limit: perPage }), store.count('article', site(ref), list), pageNumber, perPage)
    },

    /** Summaries of these articles in the given order; those not published are left out. */
    async articlesById(ref: SiteRef, ids: Id[]): Promise<ArticleSummary[]> {
      return (await store.summaries('article', site(ref), ids.map(String))).map((row) => parse<ArticleSummary>(row))
    },

    /** Chosen by hand when the editor picked some, else the newest of the same category. */
    async related(ref: SiteRef, article: PublicArticle, limit = 5): Promise<ArticleSummary[]> {
      if (article.related.length > 0) return (await this.articlesById(ref, article.related)).slice(0, limit)
      const category = article.categories[0]
      if (!category) return []
      const newest = await this.newest(ref, `category:${category.id}`, limit + 1)
      return newest.filter((item) => String(item.id) !== String(article.id)).slice(0, limit)
    },

    async tag(ref: SiteRef, slug: string): Promise<PublicTag | undefined> {
      const found = await store.bySlug('tag', site(ref), slug)
      return found ? parse<PublicTag>(found.summary) : undefined
    },

    async author(ref: SiteRef, slug: string): Promise<PublicAuthor | undefined> {
      const found = await store.bySlug('author', site(ref), slug)
      return found ? parse<PublicAuthor>(found.summary) : undefined
    },

    /** Articles whose words start with every query word, ranked (src/search), one page of them. */
    async search(ref: SiteRef, words: string[], pageNumber: number, perPage = 10): Promise<SearchResults<ArticleSummary>> {
      if (words.length === 0) return { docs: [], totalDocs: 0, page: 1, totalPages: 0, capped: false }
      const candidates = await store.search('article', site(ref), words, MAX_CANDIDATES + 1)
      const ranked = rankPage(candidates, words, pageNumber, perPage)
      const docs = await this.articlesById(ref, ranked.ids)
      return { docs, totalDocs: ranked.totalDocs, page: pageNumber, totalPages: ranked.totalPages, capped: ranked.capped }
    },

    /** The photo library, newest first, optionally narrowed by the folded words of a search. */
    async captions(ref: SiteRef, words: string[], pageNumber: number, perPage: number, maxMatches = 1000): Promise<Page<PublicCaption>> {
      if (words.length === 0) {
        const offset = (pageNumber - 1) * perPage
        return page(store.list({ kind: 'caption', site: site(ref), offset, limit: perPage }), store.count('caption', site(ref)), pageNumber, perPage)
      }
      const hits = await store.search('caption', site(ref), words, maxMatches)
      const ids = hits.slice((pageNumber - 1) * perPage, pageNumber * perPage).map((hit) => hit.id)
      const docs = (await store.summaries('caption', site(ref), ids)).map((row) => parse<PublicCaption>(row))
      return { docs, page: pageNumber, totalPages: Math.ceil(hits.length / perPage), totalDocs: hits.length }
    },

    articleCount: (ref: SiteRef) => store.count('article', site(ref)),

    /** Addresses for the sitemap: slug and last change, newest first. */
    articleSlugs: (ref: SiteRef, offset: number, limit: number) => store.slugs('article', site(ref), offset, limit),
  }
}
