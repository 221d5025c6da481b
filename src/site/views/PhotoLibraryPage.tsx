import React from 'react'

import type { Page, PublicCaption } from '../readModel/records.ts'
import type { PageContext } from './context.ts'

import { articlePath, pagePath, PHOTO_LIBRARY_PATH } from '../paths.ts'
import { Breadcrumb } from './components/Breadcrumb.tsx'
import { Highlighted } from './components/Highlighted.tsx'
import { Pagination } from './components/Pagination.tsx'
import { Picture } from './components/Picture.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

type PhotoLibraryPageProps = {
  context: PageContext
  query: string
  words: string[]
  captions: Page<PublicCaption>
  /** Slugs of the published articles each photo runs in, by article id. */
  articleSlugs: Map<string, { slug: string; title: string }>
}

/** "Thư viện ảnh": the site's captioned photos, searchable without accents. */
export function PhotoLibraryPage({ context, query, words, captions, articleSlugs }: PhotoLibraryPageProps) {
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      meta={{ title: 'Thư viện ảnh', description: `Ảnh tư liệu của ${context.site.agency}`, canonical: absolute(context, pagePath(PHOTO_LIBRARY_PATH, captions.page, query ? { q: query } : {})) }}
    >
      <Breadcrumb crumbs={[{ label: 'Thư viện ảnh' }]} />
      <h1 className="page-title">Thư viện ảnh</h1>
      <form className="search-form search-form--page" action={PHOTO_LIBRARY_PATH} method="get" role="search">
        <label htmlFor="tim-anh">Tìm theo chú thích</label>
        <input id="tim-anh" type="search" name="q" defaultValue={query} maxLength={200} />
        <button type="submit">Tìm ảnh</button>
      </form>
      {captions.docs.length === 0 ? <p role="status">Không có ảnh phù hợp.</p> : null}
      <ul className="photo-grid">
        {captions.docs.map((entry) => {
          const article = entry.articles.map((id) => articleSlugs.get(String(id))).find(Boolean)
          return (
            <li key={entry.id}>
              <figure>
                <Picture media={entry.photo} size="card" sizes="(min-width: 720px) 280px, 50vw" alt={entry.photo.alt || entry.caption} />
                <figcaption>
                  <Highlighted text={entry.caption} words={words} />
                  {entry.credit ? <span className="credit"> ({entry.credit})</span> : null}
                  {article ? (
                    <>
                      {' '}
                      <a href={articlePath(article.slug)} aria-label={`Bài viết: ${article.title}`}>
                        Xem bài
                      </a>
                    </>
                  ) : null}
                </figcaption>
              </figure>
            </li>
          )
        })}
      </ul>
      <Pagination path={PHOTO_LIBRARY_PATH} page={captions.page} totalPages={captions.totalPages} query={query ? { q: query } : {}} />
    </Layout>
  )
}
