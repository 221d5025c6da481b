import type { Payload, TypedUser } from 'payload'

import React from 'react'

import type { User } from '../../payload-types.ts'

import { countInReview } from '../desk/queries.ts'
import { returnedListLink, waitingListLink } from '../desk/links.ts'

type ListProps = { payload: Payload; user?: TypedUser | null; searchParams?: Record<string, unknown> }

/** The review state the list is filtered on, whether the parameters arrive flat or parsed into objects. */
function reviewStateFilter(searchParams: Record<string, unknown> | undefined): unknown {
  const flat = searchParams?.['where[reviewState][equals]']
  if (flat) return flat
  const where = searchParams?.where as { reviewState?: { equals?: unknown } } | undefined
  return where?.reviewState?.equals
}

const ALL_LINK = '/admin/collections/articles'

/** Above the article list: one click to the articles waiting for review (longest first) or returned. */
export async function ReviewFilters({ payload, user, searchParams }: ListProps) {
  if (!user || user.collection !== 'users') return null
  const staff = user as unknown as User
  const [waiting, returned] = await Promise.all([countInReview({ payload, user: staff }, 'submitted'), countInReview({ payload, user: staff }, 'returned')])
  const current = reviewStateFilter(searchParams)
  const links = [
    { href: waitingListLink, label: `Chờ duyệt (${waiting})`, active: current === 'submitted' },
    { href: returnedListLink, label: `Bị trả lại (${returned})`, active: current === 'returned' },
    { href: ALL_LINK, label: 'Tất cả bài viết', active: !current },
  ]
  return (
    <nav className="review-filters" aria-label="Lọc theo duyệt bài" style={{ marginBottom: '1rem' }}>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', margin: 0, padding: 0 }}>
        {links.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              aria-current={link.active ? 'page' : undefined}
              style={{ display: 'inline-block', padding: '0.25rem 0.75rem', borderRadius: 4, border: '1px solid var(--theme-elevation-400)', fontWeight: link.active ? 700 : 400 }}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
