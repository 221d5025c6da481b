import type { ArticleSummary, ConsultationSummary, DocumentSummary, DocumentTerm, Id, Page, PublicArticle, PublicAuthor, PublicCaption, PublicConsultation, PublicConsultationComment, PublicDocument, PublicQuestion, PublicTag, QuestionSummary } from './records.ts'
import type { ReadStore, RegisterFilter } from './store.ts'

import { MAX_CANDIDATES, rankPage, type SearchResults } from '../../search/searchArticles.ts'
import { vietnamDay } from '../../documents/validity.ts'
import { matchNumber, numberKey } from '../../documents/number.ts'
import { approvedList, receivedList } from './consultationLists.ts'
import { createKeptLists } from './keptLists.ts'
import { createRegisterCounts } from './registerCounts.ts'

/**
 * The public site's one door to its data: named lookups over the read model, answering plain
 * records. Nothing here calls Payload; routes parse input, ask this, and hand the answer to views.
 */
export type SiteReader = ReturnType<typeof createSiteReader>

type SiteRef = { id: Id }

const parse = <T>(json: string): T => JSON.parse(json) as T

/**
 * A version of the store (the register's, the articles'), read once per turn of the event loop: a
 * register page asks for its version twice (its lists, its counts), the home page six times, and
 * under load many pages start in one turn. A page may so use a version read up to one turn before
 * it began; a change committed in that turn shows from the next, and its purge re-renders a cached
 * page that was rendering meanwhile (src/site/cache).
 */
function versionPerTurn(readVersion: () => Promise<string>): () => Promise<string> {
  let current: Promise<string> | undefined
  return () => {
    if (current) return current
    current = readVersion()
    setImmediate(() => (current = undefined))
    return current
  }
}

export function createSiteReader(store: ReadStore) {
  const site = (ref: SiteRef) => String(ref.id)
  const registerVersion = versionPerTurn(() => store.registerVersion())
  const keptLists = createKeptLists(store, versionPerTurn(() => store.articleVersion()))
  const registerCounts = createRegisterCounts(store, registerVersion)
  // A site's register lists as last read, kept while the register's version stays (a list's change moves it).
  const keptTerms = new Map<string, { version: string; terms: Promise<DocumentTerm[]> }>()

  async function readTerms(siteId: string): Promise<DocumentTerm[]> {
    const rows = await store.list({ kind: 'documentTerm', site: siteId, offset: 0, limit: 1000 })
    return rows.map((row) => parse<DocumentTerm>(row)).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'vi'))
  }

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
    newest(ref: SiteRef, list: string | undefined, limit: number): Promise<readonly ArticleSummary[]> {
      return keptLists.articles({ site: site(ref), list, offset: 0, limit })
    },

    /** A numbered page of a listing, with its count. */
    async articles(ref: SiteRef, list: string | undefined, pageNumber: number, perPage: number): Promise<Page<ArticleSummary>> {
      const offset = (pageNumber - 1) * perPage
      const [docs, totalDocs] = await Promise.all([keptLists.articles({ site: site(ref), list, offset, limit: perPage }), keptLists.count(site(ref), list)])
      return { docs, page: pageNumber, totalPages: Math.ceil(totalDocs / perPage), totalDocs }
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

    articleCount: (ref: SiteRef) => keptLists.count(site(ref), undefined),

    async document(ref: SiteRef, slug: string): Promise<PublicDocument | undefined> {
      const found = await store.bySlug('document', site(ref), slug)
      return found ? { ...parse<DocumentSummary>(found.summary), ...parse<Omit<PublicDocument, keyof DocumentSummary>>(found.data) } : undefined
    },

    async documentsById(ref: SiteRef, ids: Id[]): Promise<DocumentSummary[]> {
      return (await store.summaries('document', site(ref), ids.map(String))).map((row) => parse<DocumentSummary>(row))
    },

    /** The site's register lists (types, issuing bodies, fields), in their order. Shared: never change the answer. */
    async documentTerms(ref: SiteRef): Promise<readonly DocumentTerm[]> {
      const version = await registerVersion()
      const held = keptTerms.get(site(ref))
      if (held?.version === version) return held.terms
      const entry = { version, terms: readTerms(site(ref)) }
      keptTerms.set(site(ref), entry)
      entry.terms.catch(() => keptTerms.get(site(ref)) === entry && keptTerms.delete(site(ref)))
      return entry.terms
    },

    /** One page of the register under the filters, newest issue date first, with the count of every option of every filter. */
    async register(ref: SiteRef, filter: RegisterFilter, pageNumber: number, perPage: number, now = new Date()) {
      const query = { site: site(ref), filter, today: vietnamDay(now) }
      const [rows, { total, counts }] = await Promise.all([store.registerPage(query, (pageNumber - 1) * perPage, perPage), registerCounts(query)])
      const docs = rows.map((row) => parse<DocumentSummary>(row))
      const page: Page<DocumentSummary> = { docs, page: pageNumber, totalPages: Math.ceil(total / perPage), totalDocs: total }
      return { page, counts }
    },

    /**
     * Documents whose number fits the query however it is typed ("278/qd-ubnd", "278 QĐ UBND",
     * "278"): the whole number first, then those it starts, newest first within each.
     */
    async documentsByNumber(ref: SiteRef, query: string, limit = 50): Promise<DocumentSummary[]> {
      const key = numberKey(query)
      if (!key) return []
      const candidates = await store.registerNumbers(site(ref), key.split(' ')[0]!, 1000)
      const fitting = candidates.map((candidate) => ({ ...candidate, match: matchNumber(candidate.numberKey, key) })).filter((candidate) => candidate.match !== 'none')
      const docs = await this.documentsById(ref, fitting.map((candidate) => candidate.id))
      const rank = new Map(fitting.map((candidate) => [candidate.id, candidate.match === 'exact' ? 0 : 1]))
      return docs.sort((a, b) => rank.get(String(a.id))! - rank.get(String(b.id))! || b.issuedAt.localeCompare(a.issuedAt)).slice(0, limit)
    },

    /** Documents whose abstract, full text or PDF text has words starting with every query word, newest first. */
    async searchDocuments(ref: SiteRef, words: string[], limit = 200): Promise<DocumentSummary[]> {
      if (words.length === 0) return []
      const hits = await store.search('document', site(ref), words, limit)
      return this.documentsById(ref, hits.map((hit) => hit.id))
    },

    async newestDocuments(ref: SiteRef, limit: number): Promise<DocumentSummary[]> {
      return (await store.list({ kind: 'document', site: site(ref), offset: 0, limit })).map((row) => parse<DocumentSummary>(row))
    },

    /** A published question and its answer. */
    async question(ref: SiteRef, slug: string): Promise<PublicQuestion | undefined> {
      const found = await store.bySlug('question', site(ref), slug)
      return found ? { ...parse<QuestionSummary>(found.summary), ...parse<Omit<PublicQuestion, keyof QuestionSummary>>(found.data) } : undefined
    },

    /** Published questions, newest first: all, or one field's ('field:3'), or those matching the folded words. */
    async questions(ref: SiteRef, list: string | undefined, words: string[], pageNumber: number, perPage: number): Promise<Page<QuestionSummary>> {
      const offset = (pageNumber - 1) * perPage
      if (words.length === 0) return page(store.list({ kind: 'question', site: site(ref), list, offset, limit: perPage }), store.count('question', site(ref), list), pageNumber, perPage)
      let hits = await store.search('question', site(ref), words, 1000)
      if (list) {
        const inList = new Set((await store.list({ kind: 'question', site: site(ref), list, offset: 0, limit: 10_000 })).map((row) => String(parse<QuestionSummary>(row).id)))
        hits = hits.filter((hit) => inList.has(hit.id))
      }
      const docs = (await store.summaries('question', site(ref), hits.slice(offset, offset + perPage).map((hit) => hit.id))).map((row) => parse<QuestionSummary>(row))
      return { docs, page: pageNumber, totalPages: Math.ceil(hits.length / perPage), totalDocs: hits.length }
    },

    /** A published draft put out for comment. */
    async consultation(ref: SiteRef, slug: string): Promise<PublicConsultation | undefined> {
      const found = await store.bySlug('consultation', site(ref), slug)
      return found ? { ...parse<ConsultationSummary>(found.summary), ...parse<Omit<PublicConsultation, keyof ConsultationSummary>>(found.data) } : undefined
    },

    /** The site's published drafts, latest close date first (a site puts out a few a month). */
    async consultations(ref: SiteRef, limit = 500): Promise<ConsultationSummary[]> {
      return (await store.list({ kind: 'consultation', site: site(ref), offset: 0, limit })).map((row) => parse<ConsultationSummary>(row))
    },

    /** A draft's approved comments (newest first) and the number of comments received. */
    async consultationComments(ref: SiteRef, consultation: Id, limit = 1000): Promise<{ approved: PublicConsultationComment[]; received: number }> {
      const [rows, received] = await Promise.all([
        store.list({ kind: 'consultationComment', site: site(ref), list: approvedList(consultation), offset: 0, limit }),
        store.count('consultationComment', site(ref), receivedList(consultation)),
      ])
      return { approved: rows.map((row) => parse<PublicConsultationComment>(row)), received }
    },

    /** Addresses for the sitemap: slug and last change, newest first. */
    articleSlugs: (ref: SiteRef, offset: number, limit: number) => store.slugs('article', site(ref), offset, limit),
  }
}
