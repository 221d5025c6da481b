import type { Payload, TypedUser, Where } from 'payload'

import React from 'react'

import type { Site, User } from '../../payload-types.ts'

import { isAdmin } from '../../access/roles.ts'
import { formatNumber } from '../../lib/dates.ts'
import { daysBefore, vietnamDay } from '../calendar.ts'
import { createCounterStore, type CounterStore } from '../counterStore.ts'
import { fillDays, VisitsChart } from './VisitsChart.tsx'

type DashboardProps = { payload: Payload; user?: TypedUser | null }

/** The sites a user works on: all for administrators, the assigned ones for everyone else. */
export async function sitesOf(payload: Payload, user: User): Promise<Site[]> {
  const assigned = (user.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site.id : entry.site))
  const where: Where = isAdmin(user) ? {} : { id: { in: assigned } }
  if (!isAdmin(user) && assigned.length === 0) return []
  return (await payload.find({ collection: 'sites', where, depth: 0, limit: 50, sort: 'name', overrideAccess: false, user })).docs
}

/** The most read articles of a site between two days, titled through the user's own access. */
export async function topArticles(payload: Payload, store: CounterStore, user: User, site: Site, from: string, to: string) {
  const top = await store.topArticles(site.id, { from, to }, 5)
  if (top.length === 0) return []
  const articles = await payload.find({
    collection: 'articles',
    where: { id: { in: top.map((entry) => entry.article) } },
    select: { title: true },
    depth: 0,
    limit: top.length,
    overrideAccess: false,
    user,
  })
  const titles = new Map(articles.docs.map((article) => [String(article.id), article.title]))
  return top.filter((entry) => titles.has(String(entry.article))).map((entry) => ({ ...entry, title: titles.get(String(entry.article))! }))
}

/**
 * "Thống kê truy cập" on the admin dashboard: per site the user works on, daily visits of the last
 * 30 and 365 days and the most read articles of the last 7 and 30 days.
 */
export async function VisitsDashboard({ payload, user }: DashboardProps) {
  if (!user || user.collection !== 'users') return null
  const staff = user as unknown as User
  const sites = await sitesOf(payload, staff)
  if (sites.length === 0) return null
  const store = await createCounterStore(payload)
  const today = vietnamDay(new Date())
  const sections = await Promise.all(
    sites.map(async (site) => {
      const [year, week, month] = await Promise.all([
        store.siteDaily(site.id, { from: daysBefore(today, 364), to: today }),
        topArticles(payload, store, staff, site, daysBefore(today, 6), today),
        topArticles(payload, store, staff, site, daysBefore(today, 29), today),
      ])
      return { site, year: fillDays(year, today, 365), week, month }
    }),
  )
  return (
    <section className="visits-dashboard" aria-labelledby="visits-dashboard-title" style={{ marginTop: '2rem' }}>
      <h2 id="visits-dashboard-title">Thống kê truy cập</h2>
      {sections.map(({ site, year, week, month }) => (
        <article key={site.id} data-site={site.key} style={{ marginBottom: '2rem' }}>
          <h3>{site.name}</h3>
          <VisitsChart title="30 ngày gần nhất" points={year.slice(-30)} />
          <VisitsChart title="365 ngày gần nhất" points={year} />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
            {[
              { heading: 'Đọc nhiều trong tuần', rows: week },
              { heading: 'Đọc nhiều trong tháng', rows: month },
            ].map(({ heading, rows }) => (
              <div key={heading}>
                <h4>{heading}</h4>
                {rows.length === 0 ? (
                  <p>Chưa có lượt xem.</p>
                ) : (
                  <ol>
                    {rows.map((row) => (
                      <li key={String(row.article)}>
                        <a href={`/admin/collections/articles/${row.article}`}>{row.title}</a> — {formatNumber(row.count)} lượt xem
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            ))}
          </div>
        </article>
      ))}
    </section>
  )
}
