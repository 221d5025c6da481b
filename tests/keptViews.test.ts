import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { Notice } from '../src/payload-types.ts'
import type { ArticleSummary } from '../src/site/readModel/records.ts'
import type { SidebarData } from '../src/site/sidebar.ts'

import { ArticleCard } from '../src/site/views/components/ArticleCard.tsx'
import { Sidebar } from '../src/site/views/components/Sidebar.tsx'

const render = (element: React.ReactElement) => renderToStaticMarkup(element)

const summary = (title: string): ArticleSummary => ({
  id: 7,
  slug: 'hoi-nghi-so-ket',
  title,
  lead: 'Sáng 05/12, UBND tỉnh tổ chức hội nghị.',
  publishedAt: '2020-12-05T02:30:00.000Z',
  updatedAt: '2020-12-05T02:30:00.000Z',
  featured: false,
})

const notice = (id: number, title: string) => ({ id, title, slug: `thong-bao-${id}`, publishedAt: '2020-12-04T17:00:00.000Z' }) as unknown as Notice

describe('parts of pages kept as HTML', () => {
  it('renders an article card once per summary object and variant', () => {
    const article = summary('Hội nghị sơ kết công tác thi đua')
    const first = render(React.createElement(ArticleCard, { article }))
    expect(first).toContain('<li class="article-card"><div><h3 class="card-title"><a href="/bai-viet/hoi-nghi-so-ket">Hội nghị sơ kết công tác thi đua</a></h3>')
    expect(first).toContain('<time dateTime="2020-12-05T02:30:00.000Z">05/12/2020 09:30</time>')
    expect(first).toContain('<p class="card-lead">Sáng 05/12')
    // Summaries are shared and never changed; a change brings a new object. Changing this one in
    // place shows that its card was kept, not rendered again.
    article.title = 'Tiêu đề đổi tại chỗ'
    expect(render(React.createElement(ArticleCard, { article }))).toBe(first)
    // Another variant of the same summary is its own card.
    const large = render(React.createElement(ArticleCard, { article, large: true, showLead: false }))
    expect(large).toContain('<li class="article-card article-card--large">')
    expect(large).toContain('Tiêu đề đổi tại chỗ')
    expect(large).not.toContain('card-lead')
    expect(render(React.createElement(ArticleCard, { article: summary('Bài mới') }))).toContain('>Bài mới</a>')
  })

  it('renders the sidebar once per set of notices, banners and boxes, and anew when one of them changes', () => {
    let renders = 0
    function CountedBox({ label }: { label: string }) {
      renders++
      return React.createElement('section', { className: 'box' }, label)
    }
    const box = React.createElement(CountedBox, { label: 'Thời tiết Hòa Bình' })
    const data: SidebarData = { notices: [notice(1, 'Lịch tiếp công dân')], banners: [], widgets: [{ key: 'weather', element: box }] }
    const first = render(React.createElement(Sidebar, { data }))
    expect(first).toBe(
      '<aside class="sidebar" aria-label="Thông tin bên lề"><section class="box" aria-labelledby="hop-thong-bao"><h2 id="hop-thong-bao" class="box-title">' +
        '<a href="/thong-bao">Thông báo</a></h2><ul class="plain-list"><li><a href="/thong-bao/thong-bao-1">Lịch tiếp công dân</a> ' +
        '<span class="meta-inline">(05/12/2020)</span></li></ul></section><section class="box">Thời tiết Hòa Bình</section></aside>',
    )
    // The next page of the site: the same chrome and the same kept box (a new list of them).
    expect(render(React.createElement(Sidebar, { data: { ...data, widgets: [...data.widgets] } }))).toBe(first)
    expect(renders).toBe(1)
    // A new notice (the chrome loads a new list) and a box rendered again each show.
    const withNotice = render(React.createElement(Sidebar, { data: { ...data, notices: [notice(2, 'Thông báo nghỉ Tết'), ...data.notices] } }))
    expect(withNotice).toContain('Thông báo nghỉ Tết')
    expect(renders).toBe(2)
    const newBox = React.createElement(CountedBox, { label: 'Thời tiết Kon Tum' })
    expect(render(React.createElement(Sidebar, { data: { ...data, widgets: [{ key: 'weather', element: newBox }] } }))).toContain('Thời tiết Kon Tum')
    expect(renders).toBe(3)
  })
})
