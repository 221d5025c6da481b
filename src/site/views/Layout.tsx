import React from 'react'

import type { Category, Site } from '../../payload-types.ts'
import type { PageMeta } from './meta.ts'

import { formatDateHeader } from '../../lib/dates.ts'
import { assetPath, categoryPath, PHOTO_LIBRARY_PATH, SEARCH_PATH, SITE_FEED_PATH, SITEMAP_PATH, VIDEOS_PATH } from '../paths.ts'
import { safeJson } from './meta.ts'

export type LayoutProps = {
  site: Site
  meta: PageMeta
  navigation: Category[]
  /** The top-level category of the page, marked in the menu. */
  activeCategory?: number | string
  searchQuery?: string
  /** `print`: the page alone, for paper, without menu, tools or sidebar. */
  variant?: 'full' | 'print'
  children: React.ReactNode
}

/** The frame of every public page: header, reader tools, menu, footer lines a portal must show. */
export function Layout({ site, meta, navigation, activeCategory, searchQuery, variant = 'full', children }: LayoutProps) {
  const colours = `:root{--primary:${site.primaryColor ?? '#a50e0e'};--accent:${site.accentColor ?? '#f2c200'}}`
  const title = meta.title === site.name ? site.name : `${meta.title} | ${site.name}`
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={meta.canonical} />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:locale" content="vi_VN" />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        <meta property="og:url" content={meta.canonical} />
        {meta.image ? <meta property="og:image" content={meta.image} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        {meta.image ? <meta name="twitter:image" content={meta.image} /> : null}
        <link rel="alternate" type="application/rss+xml" title={site.name} href={SITE_FEED_PATH} />
        {(meta.feeds ?? []).map((feed) => (
          <link key={feed.href} rel="alternate" type="application/rss+xml" title={feed.title} href={feed.href} />
        ))}
        <link rel="stylesheet" href={assetPath('site.css')} />
        <style>{colours}</style>
        {/* Applies the reader's font size and contrast before the first paint. */}
        <script src={assetPath('reader-prefs.js')} />
        <script src={assetPath('reader.js')} defer />
        {meta.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(meta.jsonLd) }} /> : null}
      </head>
      <body className={variant === 'print' ? 'print-page' : undefined}>
        {variant === 'print' ? (
          <>
            <header className="print-header">
              <p className="site-name-print">
                {site.agency} · {site.name}
              </p>
              <p className="print-actions">
                <button type="button" data-print hidden>
                  In trang này
                </button>{' '}
                <a href={meta.canonical}>Trở lại bài viết</a>
              </p>
            </header>
            <main id="noi-dung">{children}</main>
            <footer className="print-footer">
              <p>{meta.canonical}</p>
            </footer>
          </>
        ) : (
          <FullPage site={site} navigation={navigation} activeCategory={activeCategory} searchQuery={searchQuery}>
            {children}
          </FullPage>
        )}
      </body>
    </html>
  )
}

function FullPage({ site, navigation, activeCategory, searchQuery, children }: Omit<LayoutProps, 'meta' | 'variant'>) {
  return (
    <>
        <a className="skip-link" href="#noi-dung">
          Chuyển đến nội dung chính
        </a>
        <header className="site-header">
          <div className="container header-inner">
            <a className="site-name" href="/">
              <span className="agency">{site.agency}</span>
              <span className="name">{site.name}</span>
            </a>
            <p className="today">{formatDateHeader(new Date())}</p>
          </div>
          <nav className="site-nav" aria-label="Chuyên mục">
            <div className="container">
              <ul>
                <li>
                  <a href="/">Trang chủ</a>
                </li>
                {navigation
                  .filter((category) => !category.parent)
                  .map((category) => (
                    <li key={category.id}>
                      <a href={categoryPath(category.slug)} aria-current={category.id === activeCategory ? 'page' : undefined}>
                        {category.title}
                      </a>
                    </li>
                  ))}
                <li>
                  <a href={PHOTO_LIBRARY_PATH}>Thư viện ảnh</a>
                </li>
                <li>
                  <a href={VIDEOS_PATH}>Video</a>
                </li>
              </ul>
            </div>
          </nav>
          <div className="toolbar">
            <div className="container toolbar-inner">
              <form className="search-form" action={SEARCH_PATH} method="get" role="search">
                <label htmlFor="o-tim-kiem" className="visually-hidden">
                  Tìm kiếm
                </label>
                <input id="o-tim-kiem" type="search" name="q" defaultValue={searchQuery} placeholder="Tìm kiếm…" maxLength={200} />
                <button type="submit">Tìm</button>
              </form>
              <ReaderTools />
            </div>
          </div>
        </header>
        <main id="noi-dung" className="container">
          {children}
        </main>
        <SiteFooter site={site} />
    </>
  )
}

/** Font size A-/A/A+ and contrast; reader.js keeps the choice in localStorage for every page. */
function ReaderTools() {
  return (
    <div className="reader-tools" role="group" aria-label="Tùy chọn hiển thị">
      <span className="tools-label">Cỡ chữ:</span>
      <button type="button" data-font-size="small" aria-pressed="false" aria-label="Giảm cỡ chữ">
        A-
      </button>
      <button type="button" data-font-size="normal" aria-pressed="true" aria-label="Cỡ chữ mặc định">
        A
      </button>
      <button type="button" data-font-size="large" aria-pressed="false" aria-label="Tăng cỡ chữ">
        A+
      </button>
      <button type="button" data-contrast aria-pressed="false">
        Tương phản cao
      </button>
    </div>
  )
}

function SiteFooter({ site }: { site: Site }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="footer-name">{site.name}</p>
        {site.governingBody ? <p>Cơ quan chủ quản: {site.governingBody}</p> : null}
        {site.licence ? <p>{site.licence}</p> : null}
        {site.editorInChief ? <p>Chịu trách nhiệm chính: {site.editorInChief}</p> : null}
        {site.address ? <p>Địa chỉ: {site.address}</p> : null}
        {site.phone || site.email ? (
          <p>
            {site.phone ? <>Điện thoại: {site.phone}</> : null}
            {site.phone && site.email ? ' · ' : null}
            {site.email ? (
              <>
                Email: <a href={`mailto:${site.email}`}>{site.email}</a>
              </>
            ) : null}
          </p>
        ) : null}
        <p className="footer-links">
          <a href={SITE_FEED_PATH}>RSS</a> · <a href={SITEMAP_PATH}>Sơ đồ trang</a>
        </p>
      </div>
    </footer>
  )
}
