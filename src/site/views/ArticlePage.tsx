import React from 'react'

import type { ArticleSummary, PublicArticle } from '../readModel/records.ts'
import type { PageContext } from './context.ts'

import { formatDateHeader, formatDateTime, formatNumber } from '../../lib/dates.ts'
import { articlePath, articleViewsPath, authorPath, categoryPath, printPath, tagPath } from '../paths.ts'
import { ArticleCard } from './components/ArticleCard.tsx'
import { Breadcrumb } from './components/Breadcrumb.tsx'
import { mediaUrl, Picture } from './components/Picture.tsx'
import { ShareLinks } from './components/ShareLinks.tsx'
import { Sidebar } from './components/Sidebar.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

export type ArticlePageProps = {
  context: PageContext
  article: PublicArticle & { views: number }
  related: ArticleSummary[]
  /** A signed-in editor looking at an unpublished version. */
  preview?: boolean
  /** The print view: the article alone, without menus and sidebars. */
  print?: boolean
}

export function ArticlePage({ context, article, related, preview, print }: ArticlePageProps) {
  const { site } = context
  const category = article.categories?.[0]
  const url = absolute(context, articlePath(article.slug))
  const image = mediaUrl(article.cover, 'full')
  const body = (
    <article className="article" aria-labelledby="tieu-de">
      {preview ? (
        <p className="preview-note" role="status">
          Bản xem trước: bài viết này chưa được xuất bản.
        </p>
      ) : null}
      {article.publishedAt ? <p className="date-header">{formatDateHeader(article.publishedAt)}</p> : null}
      <h1 id="tieu-de">{article.title}</h1>
      <p className="meta">
        {article.publishedAt ? <span>Ngày đăng: {formatDateTime(article.publishedAt)}</span> : null}
        <span className="views" data-views-source={preview ? undefined : articleViewsPath(article.slug)}>
          Lượt xem: <span data-views>{formatNumber(article.views)}</span>
        </span>
      </p>
      {print ? null : (
        <div className="article-tools">
          <a href={printPath(article.slug)} className="print-link">
            In bài viết
          </a>
          <ShareLinks url={url} title={article.title} />
        </div>
      )}
      {article.lead ? <p className="lead">{article.lead}</p> : null}
      {!article.bodyHasPhoto && article.cover ? (
        <figure className="article-figure">
          <Picture media={article.cover} size="content" sizes="(min-width: 820px) 760px, 100vw" eager />
          {article.cover.caption ? <figcaption>{article.cover.caption}</figcaption> : null}
        </figure>
      ) : null}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {(article.authors ?? []).length > 0 || article.byline ? (
        <p className="byline">
          {(article.authors ?? []).map((author, index) => (
            <React.Fragment key={author.id}>
              {index > 0 ? ', ' : null}
              <a href={authorPath(author.slug)}>{author.name}</a>
            </React.Fragment>
          ))}
          {(article.authors ?? []).length > 0 && article.byline ? ' - ' : null}
          {article.byline}
        </p>
      ) : null}
      {article.source ? <p className="source">Nguồn: {article.source}</p> : null}
      {article.footnotes.length > 0 ? (
        <section className="footnotes" aria-labelledby="chu-thich">
          <h2 id="chu-thich">Chú thích</h2>
          <ol>
            {article.footnotes.map((footnote, index) => (
              <li key={index} id={`chu-thich-${index + 1}`}>
                {footnote}{' '}
                <a href={`#tham-chieu-${index + 1}`} aria-label="Trở lại nội dung">
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {print ? null : (
        <>
          {(article.tags ?? []).length > 0 ? (
            <p className="tags">
              <span className="tools-label">Từ khóa:</span>{' '}
              {article.tags!.map((tag) => (
                <a key={tag.id} href={tagPath(tag.slug)} className="tag">
                  {tag.title}
                </a>
              ))}
            </p>
          ) : null}
          <p className="back-link">
            <a href={category ? categoryPath(category.slug) : '/'}>Quay trở lại</a>
          </p>
          {related.length > 0 ? (
            <section aria-labelledby="tin-lien-quan" className="related">
              <h2 id="tin-lien-quan" className="section-title">
                Tin liên quan
              </h2>
              <ul className="article-list article-list--compact">
                {related.map((item) => (
                  <ArticleCard key={item.id} article={item} showLead={false} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </article>
  )
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    image: image ? [absolute(context, image)] : undefined,
    author: [...(article.authors ?? []).map((author) => ({ '@type': 'Person', name: author.name })), ...(article.byline ? [{ '@type': 'Person', name: article.byline }] : [])],
    publisher: { '@type': 'Organization', name: site.agency },
    mainEntityOfPage: url,
    inLanguage: 'vi',
  }
  return (
    <Layout
      site={site}
      navigation={context.navigation}
      activeCategory={category?.id}
      variant={print ? 'print' : 'full'}
      meta={{
        title: article.title,
        description: article.lead ?? undefined,
        canonical: url,
        image: image ? absolute(context, image) : undefined,
        type: 'article',
        jsonLd,
        noindex: preview || print,
      }}
    >
      {print ? (
        body
      ) : (
        <>
          <Breadcrumb crumbs={[...(category ? [{ label: category.title, href: categoryPath(category.slug) }] : []), { label: article.title }]} />
          <div className="with-sidebar">
            <div className="main-column">{body}</div>
            <Sidebar data={context.sidebar} />
          </div>
        </>
      )}
    </Layout>
  )
}
