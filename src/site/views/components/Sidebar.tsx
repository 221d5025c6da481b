import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { SidebarData } from '../../sidebar.ts'

import { formatDate } from '../../../lib/dates.ts'
import { NOTICES_PATH, noticePath } from '../../paths.ts'
import { Picture } from './Picture.tsx'

/** The right-hand column: notices, the polls/weather/statistics widgets, then banners. */
export function Sidebar({ data }: { data: SidebarData }) {
  return <aside className="sidebar" aria-label="Thông tin bên lề" dangerouslySetInnerHTML={{ __html: keptSidebarInside(data) }} />
}

type Rendered = { next: WeakMap<object, Rendered>; html?: string }
const keptSidebars: Rendered = { next: new WeakMap() }

/**
 * The column's inside as HTML, rendered once per set of what it shows: the notices and banners
 * are the site chrome's (src/site/siteChrome.ts) and each box's element the widget cache's
 * (src/site/sidebar.ts), both the same objects from page to page until they change or expire.
 * Keyed by those objects, so the HTML goes with them. Rendering the boxes (the weather's panels,
 * the poll, the statistics) was a tenth of rendering a page.
 */
function keptSidebarInside(data: SidebarData): string {
  let node = keptSidebars
  for (const key of [data.notices, data.banners, ...data.widgets.map((widget) => widget.element)]) {
    let next = node.next.get(key)
    if (!next) node.next.set(key, (next = { next: new WeakMap() }))
    node = next
  }
  node.html ??= renderToStaticMarkup(<SidebarInside data={data} />)
  return node.html
}

function SidebarInside({ data }: { data: SidebarData }) {
  const sideBanners = data.banners.filter((banner) => banner.placement === 'sidebar')
  return (
    <>
      {data.notices.length > 0 ? (
        <section className="box" aria-labelledby="hop-thong-bao">
          <h2 id="hop-thong-bao" className="box-title">
            <a href={NOTICES_PATH}>Thông báo</a>
          </h2>
          <ul className="plain-list">
            {data.notices.map((notice) => (
              <li key={notice.id}>
                <a href={noticePath(notice.slug)}>{notice.title}</a>{' '}
                <span className="meta-inline">({formatDate(notice.publishedAt)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.widgets.map((widget) => (
        <React.Fragment key={widget.key}>{widget.element}</React.Fragment>
      ))}
      {sideBanners.map((banner) => (
        <div className="banner" key={banner.id}>
          {banner.link ? (
            <a href={banner.link}>
              <Picture media={banner.image} size="card" sizes="300px" alt={banner.title} />
            </a>
          ) : (
            <Picture media={banner.image} size="card" sizes="300px" alt={banner.title} />
          )}
        </div>
      ))}
    </>
  )
}
