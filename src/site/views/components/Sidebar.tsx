import React from 'react'

import type { SidebarData } from '../../sidebar.ts'

import { formatDate } from '../../../lib/dates.ts'
import { NOTICES_PATH, noticePath } from '../../paths.ts'
import { Picture } from './Picture.tsx'

/** The right-hand column: notices, the polls/weather/statistics widgets, then banners. */
export function Sidebar({ data }: { data: SidebarData }) {
  const sideBanners = data.banners.filter((banner) => banner.placement === 'sidebar')
  return (
    <aside className="sidebar" aria-label="Thông tin bên lề">
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
    </aside>
  )
}
