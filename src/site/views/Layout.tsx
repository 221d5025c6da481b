import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { Category, Site } from '../../payload-types.ts'
import type { PageMeta } from './meta.ts'

import { formatDateHeader, isoDay } from '../../lib/dates.ts'
import { assetPath, categoryPath, CONSULTATIONS_PATH, DOCUMENTS_PATH, FEEDBACK_PATH, PHOTO_LIBRARY_PATH, QUESTIONS_PATH, SEARCH_PATH, SITE_FEED_PATH, SITEMAP_PATH, VIDEOS_PATH } from '../paths.ts'
import { DIRECTORY_PATH, INTRODUCTION_PATH, LEADERS_PATH, SPOKESPERSON_PATH, SCHEDULE_PATH, STRUCTURE_PATH } from '../paths.ts'
import { EN } from '../../english/strings.ts'
import { EN_DIRECTORY_PATH, EN_HOME_PATH, EN_LEADERS_PATH, EN_SPOKESPERSON_PATH, EN_STRUCTURE_PATH, HOME_PATH, languageVersionsOf } from '../paths.ts'
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
  /** The print view's link back to the page it prints. */
  printBackLabel?: string
  /** The page's language: 'en' for the English section (src/english). */
  language?: Language
  children: React.ReactNode
}

type Language = 'en' | 'vi'

/**
 * The page in the other language: its counterpart where the page has one (languageVersionsOf),
 * else the other language's start page. `alternates` are set only for pages that exist in both.
 */
function languageLinks(canonical: string, language: Language) {
  const { origin, pathname } = new URL(canonical)
  const versions = languageVersionsOf(pathname)
  const other = language === 'vi' ? (versions?.en ?? EN_HOME_PATH) : (versions?.vi ?? HOME_PATH)
  const alternates = versions ? [{ lang: 'vi', href: `${origin}${versions.vi}` }, { lang: 'en', href: `${origin}${versions.en}` }, { lang: 'x-default', href: `${origin}${versions.vi}` }] : []
  return { other, alternates }
}

/** The link to the page in the other language, named in that language. */
function LanguageSwitch({ language, href }: { language: Language; href: string }) {
  const target: Language = language === 'vi' ? 'en' : 'vi'
  return (
    <p className="language-switch">
      <a href={href} lang={target} hrefLang={target}>
        {target === 'en' ? EN.language.english : EN.language.vietnamese}
      </a>
    </p>
  )
}

/** The frame of every public page: header, reader tools, menu, footer lines a portal must show. */
export function Layout({ site, meta, navigation, activeCategory, searchQuery, variant = 'full', printBackLabel = 'Trở lại bài viết', language = 'vi', children }: LayoutProps) {
  const languages = languageLinks(meta.canonical, language)
  const colours = `:root{--primary:${site.primaryColor ?? '#a50e0e'};--accent:${site.accentColor ?? '#f2c200'}}`
  const title = meta.title === site.name ? site.name : `${meta.title} | ${site.name}`
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={meta.canonical} />
        {languages.alternates.map((alternate) => (
          <link key={alternate.lang} rel="alternate" hrefLang={alternate.lang} href={alternate.href} />
        ))}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:locale" content={language === 'en' ? 'en_GB' : 'vi_VN'} />
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
                <a href={meta.canonical}>{printBackLabel}</a>
              </p>
            </header>
            <main id="noi-dung">{children}</main>
            <footer className="print-footer">
              <p>{meta.canonical}</p>
            </footer>
          </>
        ) : language === 'en' ? (
          <EnglishPage site={site} otherLanguage={languages.other}>
            {children}
          </EnglishPage>
        ) : (
          <FullPage site={site} navigation={navigation} activeCategory={activeCategory} searchQuery={searchQuery} otherLanguage={languages.other}>
            {children}
          </FullPage>
        )}
      </body>
    </html>
  )
}

function FullPage({ site, navigation, activeCategory, searchQuery, otherLanguage, children }: Omit<LayoutProps, 'meta' | 'variant'> & { otherLanguage: string }) {
  const frame = searchQuery ? renderFrame({ site, navigation, activeCategory, searchQuery, otherLanguage }) : keptFrame(site, navigation, activeCategory, otherLanguage)
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Chuyển đến nội dung chính
      </a>
      <header className="site-header" dangerouslySetInnerHTML={{ __html: frame.header }} />
      <main id="noi-dung" className="container">
        {children}
      </main>
      <footer className="site-footer" dangerouslySetInnerHTML={{ __html: frame.footer }} />
    </>
  )
}

type Frame = { header: string; footer: string }
type FrameInput = { site: Site; navigation: Category[]; activeCategory?: number | string; searchQuery?: string; otherLanguage: string }

/** Frames kept per variant of one site and menu; a handful in use (the day, the marked category, the other language's page). */
const FRAMES_KEPT = 200
// Keyed by the objects themselves: the site directory and the site chrome load new ones when the
// site or its menu changes, and the old frames go with them.
const keptFrames = new WeakMap<Site, WeakMap<Category[], Map<string, Frame>>>()

/**
 * The header (name, date, menu, search, reader tools) and footer of a site's pages as HTML, kept:
 * they are the same on every page of the site but for the marked category and the language link,
 * and rendering them was a third of rendering a register page. Pages with a search in the header
 * are rendered as they come (the query is the reader's own).
 */
function keptFrame(site: Site, navigation: Category[], activeCategory: number | string | undefined, otherLanguage: string): Frame {
  let bySite = keptFrames.get(site)
  if (!bySite) keptFrames.set(site, (bySite = new WeakMap()))
  let frames = bySite.get(navigation)
  if (!frames) bySite.set(navigation, (frames = new Map()))
  const key = `${isoDay(new Date())} ${activeCategory ?? ''} ${otherLanguage}`
  let frame = frames.get(key)
  if (!frame) {
    if (frames.size >= FRAMES_KEPT) frames.clear()
    frame = renderFrame({ site, navigation, activeCategory, otherLanguage })
    frames.set(key, frame)
  }
  return frame
}

function renderFrame({ site, navigation, activeCategory, searchQuery, otherLanguage }: FrameInput): Frame {
  return {
    header: renderToStaticMarkup(<SiteHeader site={site} navigation={navigation} activeCategory={activeCategory} searchQuery={searchQuery} otherLanguage={otherLanguage} />),
    footer: renderToStaticMarkup(<SiteFooter site={site} />),
  }
}

/** What is inside the header of every Vietnamese page. */
function SiteHeader({ site, navigation, activeCategory, searchQuery, otherLanguage }: FrameInput) {
  return (
    <>
      <div className="container header-inner">
        <a className="site-name" href="/">
          <span className="agency">{site.agency}</span>
          <span className="name">{site.name}</span>
        </a>
        <p className="today">{formatDateHeader(new Date())}</p>
        <LanguageSwitch language="vi" href={otherLanguage} />
      </div>
      <nav className="site-nav" aria-label="Chuyên mục">
        {/* On a phone the list folds behind one "Menu" button (no script needed); on a wide screen it is a row. */}
        <details className="container site-menu">
          <summary className="menu-button">Menu</summary>
          <ul>
            <li>
              <a href="/">Trang chủ</a>
            </li>
            <li className="has-submenu">
              <a href={INTRODUCTION_PATH}>Giới thiệu</a>
              <ul className="submenu">
                <li>
                  <a href={INTRODUCTION_PATH}>Chức năng, nhiệm vụ</a>
                </li>
                <li>
                  <a href={STRUCTURE_PATH}>Cơ cấu tổ chức</a>
                </li>
                <li>
                  <a href={LEADERS_PATH}>Lãnh đạo</a>
                </li>
                <li>
                  <a href={DIRECTORY_PATH}>Danh bạ</a>
                </li>
                <li>
                  <a href={SPOKESPERSON_PATH}>Người phát ngôn</a>
                </li>
                <li>
                  <a href={SCHEDULE_PATH}>Lịch công tác</a>
                </li>
              </ul>
            </li>
            {navigation
              .filter((category) => !category.parent)
              .map((category) => (
                <CategoryItem key={category.id} category={category} navigation={navigation} active={category.id === activeCategory} />
              ))}
            <li>
              <a href={DOCUMENTS_PATH}>Văn bản</a>
            </li>
            <li>
              <a href={CONSULTATIONS_PATH}>Lấy ý kiến dự thảo</a>
            </li>
            <li>
              <a href={PHOTO_LIBRARY_PATH}>Thư viện ảnh</a>
            </li>
            <li>
              <a href={VIDEOS_PATH}>Video</a>
            </li>
            <li>
              <a href={QUESTIONS_PATH}>Hỏi đáp</a>
            </li>
            <li>
              <a href={FEEDBACK_PATH}>Góp ý</a>
            </li>
          </ul>
        </details>
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
    </>
  )
}

/** The frame of the English section: its own menu and footer in English, no Vietnamese reader tools. */
function EnglishPage({ site, otherLanguage, children }: { site: Site; otherLanguage: string; children: React.ReactNode }) {
  const menu: [string, string][] = [
    [EN_HOME_PATH, EN.pages.introduction],
    [EN_STRUCTURE_PATH, EN.pages.structure],
    [EN_LEADERS_PATH, EN.pages.leaders],
    [EN_DIRECTORY_PATH, EN.pages.directory],
    [EN_SPOKESPERSON_PATH, EN.pages.spokesperson],
  ]
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        {EN.frame.skipLink}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <a className="site-name" href={EN_HOME_PATH}>
            <span className="agency" lang="vi">
              {site.agency}
            </span>
            <span className="name" lang="vi">
              {site.name}
            </span>
          </a>
          <LanguageSwitch language="en" href={otherLanguage} />
        </div>
        <nav className="site-nav" aria-label={EN.frame.menuLabel}>
          <details className="container site-menu">
            <summary className="menu-button">{EN.frame.menu}</summary>
            <ul>
              {menu.map(([href, label]) => (
                <li key={href}>
                  <a href={href}>{label}</a>
                </li>
              ))}
            </ul>
          </details>
        </nav>
      </header>
      <main id="noi-dung" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="footer-name" lang="vi">
            {site.name}
          </p>
          {site.address ? (
            <p>
              {EN.frame.address}: <span lang="vi">{site.address}</span>
            </p>
          ) : null}
          {site.phone ? (
            <p>
              {EN.frame.phone}: {site.phone}
            </p>
          ) : null}
          {site.email ? (
            <p>
              {EN.frame.email}: <a href={`mailto:${site.email}`}>{site.email}</a>
            </p>
          ) : null}
          <p className="footer-links">
            <a href={HOME_PATH} hrefLang="vi">
              {EN.frame.portalHome}
            </a>
          </p>
        </div>
      </footer>
    </>
  )
}

/** A top-level category of the menu, with its subcategories as a sub-menu. */
function CategoryItem({ category, navigation, active }: { category: Category; navigation: Category[]; active: boolean }) {
  const parentId = (candidate: Category) => (typeof candidate.parent === 'object' ? candidate.parent?.id : candidate.parent)
  const children = navigation.filter((candidate) => parentId(candidate) === category.id)
  return (
    <li className={children.length > 0 ? 'has-submenu' : undefined}>
      <a href={categoryPath(category.slug)} aria-current={active ? 'page' : undefined}>
        {category.title}
      </a>
      {children.length > 0 ? (
        <ul className="submenu">
          {children.map((child) => (
            <li key={child.id}>
              <a href={categoryPath(child.slug)}>{child.title}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
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

/** What is inside the footer of every Vietnamese page: the lines a portal must show. */
function SiteFooter({ site }: { site: Site }) {
  return (
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
  )
}
