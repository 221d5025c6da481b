import React from 'react'

import type { Site } from '../../payload-types.ts'

type LayoutProps = {
  site: Site
  title: string
  description?: string
  children: React.ReactNode
}

/** The frame of every public page: site header, navigation and the footer lines a portal must show. */
export function Layout({ site, title, description, children }: LayoutProps) {
  const colours = `:root{--primary:${site.primaryColor ?? '#a50e0e'};--accent:${site.accentColor ?? '#f2c200'}}`
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === site.name ? site.name : `${title} | ${site.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        <style>{colours}</style>
      </head>
      <body>
        <a className="skip-link" href="#noi-dung">
          Chuyển đến nội dung chính
        </a>
        <header className="site-header">
          <div className="container">
            <a className="site-name" href="/">
              <span className="agency">{site.agency}</span>
              <span className="name">{site.name}</span>
            </a>
          </div>
          <nav className="site-nav" aria-label="Điều hướng chính">
            <div className="container">
              <a href="/">Trang chủ</a>
            </div>
          </nav>
        </header>
        <main id="noi-dung" className="container">
          {children}
        </main>
        <SiteFooter site={site} />
      </body>
    </html>
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
      </div>
    </footer>
  )
}
