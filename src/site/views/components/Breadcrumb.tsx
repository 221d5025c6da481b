import React from 'react'

/** `lang` marks a label in another language than the page (an untranslated name in the English section). */
export type Crumb = { label: string; href?: string; lang?: string }

/** The trail of links above a page; the English section passes its own start and label. */
export function Breadcrumb({ crumbs, home = { label: 'Trang chủ', href: '/' }, label = 'Vị trí trang' }: { crumbs: Crumb[]; home?: { label: string; href: string }; label?: string }) {
  return (
    <nav className="breadcrumb" aria-label={label}>
      <ol>
        <li>
          <a href={home.href}>{home.label}</a>
        </li>
        {crumbs.map((crumb, index) => (
          <li key={`${crumb.label}-${index}`}>
            {crumb.href && index < crumbs.length - 1 ? (
              <a href={crumb.href} lang={crumb.lang}>
                {crumb.label}
              </a>
            ) : (
              <span aria-current={index === crumbs.length - 1 ? 'page' : undefined} lang={crumb.lang}>
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
