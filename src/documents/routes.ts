import type { Request, Response } from 'express'

import { Router } from 'express'
import React from 'react'

import type { DocumentSummary } from '../site/readModel/records.ts'
import type { SiteServices } from '../site/requestHelpers.ts'

import { pageTags } from '../site/cache/tags.ts'
import { badRequest, notFound } from '../site/httpError.ts'
import { siteOrigin } from '../site/origin.ts'
import { DOCUMENT_ROUTES, DOCUMENTS_FEED_PATH, DOCUMENTS_PATH } from '../site/paths.ts'
import { ensurePageExists, html, pageContext, pageParam, searchParam, siteOf, slugParam } from '../site/requestHelpers.ts'
import { renderDocumentsRss } from './feed.ts'
import { FilterError, parseRegisterFilter, REGISTER_PARAMS } from './filters.ts'
import { looksLikeNumber } from './number.ts'
import { DocumentPage } from './views/DocumentPage.tsx'
import { sendPublishedFile } from './sendFile.ts'
import { RegisterPage } from './views/RegisterPage.tsx'

const PER_PAGE = 20

const tagsOf = (documents: readonly DocumentSummary[]) => documents.map((document) => pageTags.document(document.id))

/**
 * The documents register's public pages: the list with its filters, a document's page, its files
 * and the feed. They read the read model only (services.reader) and are kept by the page cache.
 */
export function documentsRouter(services: SiteServices): Router {
  const { reader, cache } = services
  const router = Router()

  router.get(
    DOCUMENTS_PATH,
    cache.page({ params: REGISTER_PARAMS }, async (req, res) => {
      const site = siteOf(res)
      const now = new Date()
      const pageNumber = pageParam(req)
      const query = searchParam(req)
      const terms = await reader.documentTerms(site)
      const { filter, params } = parseFilter(req, terms)
      const [context, register, search] = await Promise.all([
        pageContext(services, req, res),
        reader.register(site, filter, pageNumber, PER_PAGE, now),
        query.text ? searchDocuments(services, site, query.text, query.words) : undefined,
      ])
      if (!search) ensurePageExists(pageNumber, register.page.totalPages)
      const shown = search ? search.results : register.page.docs
      return html(React.createElement(RegisterPage, { context, terms, params, counts: register.counts, page: register.page, search, now }), [pageTags.documents, ...tagsOf(shown)])
    }),
  )

  router.get(
    DOCUMENTS_FEED_PATH,
    cache.page({}, async (_req, res) => {
      const site = siteOf(res)
      const documents = await reader.newestDocuments(site, 30)
      return { type: 'application/rss+xml', body: renderDocumentsRss(site, siteOrigin(site), documents), tags: [pageTags.documents] }
    }),
  )

  router.get(
    DOCUMENT_ROUTES.document,
    cache.page({}, async (req, res) => {
      const document = await reader.document(siteOf(res), slugParam(req))
      if (!document) throw notFound('Văn bản này không có hoặc chưa được công bố.')
      const context = await pageContext(services, req, res)
      const related = [...document.replaces, ...document.replacedBy, ...document.amends, ...document.amendedBy]
      return html(React.createElement(DocumentPage, { context, document, now: new Date() }), [pageTags.document(document.id), ...related.map((item) => pageTags.document(item.id))])
    }),
  )

  // Files of published documents only: the document is looked up first, then its file by stored name.
  router.get(DOCUMENT_ROUTES.file, async (req: Request, res: Response) => {
    const filename = String(req.params.filename ?? '')
    const document = await reader.document(siteOf(res), slugParam(req))
    await sendPublishedFile(res, document?.files, filename, 'Tệp này không có hoặc văn bản chưa được công bố.')
  })

  return router
}

function parseFilter(req: Request, terms: Parameters<typeof parseRegisterFilter>[1]) {
  try {
    return parseRegisterFilter(req.query, terms)
  } catch (error) {
    if (error instanceof FilterError) throw badRequest(error.message)
    throw error
  }
}

/**
 * A query that looks like a number ("278/qd-ubnd", "278") finds documents by number, the whole
 * number first, then those it starts; when no number fits, or for words, the abstracts, full
 * texts and PDF texts are searched without accents.
 */
async function searchDocuments({ reader }: SiteServices, site: { id: number | string }, text: string, words: string[]) {
  const byNumber = looksLikeNumber(text) ? await reader.documentsByNumber(site, text) : []
  return { query: text, results: byNumber.length > 0 ? byNumber : await reader.searchDocuments(site, words) }
}
