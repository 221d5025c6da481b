import React from 'react'

import type { Notice } from '../../payload-types.ts'
import type { PageContext } from './context.ts'

import { formatDate, formatDateTime } from '../../lib/dates.ts'
import { NOTICES_PATH, noticePath } from '../paths.ts'
import { Breadcrumb } from './components/Breadcrumb.tsx'
import { Sidebar } from './components/Sidebar.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

export function NoticesPage({ context, notices }: { context: PageContext; notices: Notice[] }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: 'Thông báo', canonical: absolute(context, NOTICES_PATH) }}>
      <Breadcrumb crumbs={[{ label: 'Thông báo' }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">Thông báo</h1>
          {notices.length === 0 ? <p>Hiện không có thông báo nào.</p> : null}
          <ul className="plain-list notice-list">
            {notices.map((notice) => (
              <li key={notice.id}>
                <a href={noticePath(notice.slug)}>{notice.title}</a> <span className="meta-inline">({formatDate(notice.publishedAt)})</span>
              </li>
            ))}
          </ul>
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}

export function NoticePage({ context, notice }: { context: PageContext; notice: Notice }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: notice.title, description: notice.body ?? undefined, canonical: absolute(context, noticePath(notice.slug)) }}>
      <Breadcrumb crumbs={[{ label: 'Thông báo', href: NOTICES_PATH }, { label: notice.title }]} />
      <div className="with-sidebar">
        <article className="main-column article">
          <h1>{notice.title}</h1>
          <p className="meta">
            <span>Ngày đăng: {formatDateTime(notice.publishedAt)}</span>
            {notice.expiresAt ? <span>Hiệu lực đến: {formatDate(notice.expiresAt)}</span> : null}
          </p>
          {(notice.body ?? '').split(/\n{2,}/).filter(Boolean).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
          {notice.link ? (
            <p>
              <a href={notice.link}>Xem chi tiết</a>
            </p>
          ) : null}
          <p className="back-link">
            <a href={NOTICES_PATH}>Quay trở lại</a>
          </p>
        </article>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
