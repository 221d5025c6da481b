import type { Payload, TypedUser } from 'payload'

import React from 'react'

import type { User } from '../../payload-types.ts'

import { hasRole } from '../../access/roles.ts'
import { MostReadBlock } from '../mostRead/MostReadBlock.tsx'
import { MyArticlesBlock } from '../myArticles/MyArticlesBlock.tsx'
import { RecentBlock } from '../published/RecentBlock.tsx'
import { ScheduledBlock } from '../scheduled/ScheduledBlock.tsx'
import { WaitingBlock } from '../waiting/WaitingBlock.tsx'
import { mostReadToday, myArticles, recentlyPublished, scheduledArticles, waitingForReview } from './queries.ts'

type DeskProps = { payload: Payload; user?: TypedUser | null }

const grid: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: '1rem', marginBottom: '2rem' }

/**
 * The editors' desk above the collection cards: for editors what waits, what is scheduled, what
 * just went out and what is read today; for reporters their own articles and where each stands.
 */
export async function Desk({ payload, user }: DeskProps) {
  if (!user || user.collection !== 'users') return null
  const staff = user as unknown as User
  const now = new Date()
  if (hasRole(staff, 'admin', 'editor')) {
    const [waiting, scheduled, recent, mostRead] = await Promise.all([
      waitingForReview({ payload, user: staff }),
      scheduledArticles({ payload, user: staff, now }),
      recentlyPublished({ payload, user: staff, now }),
      mostReadToday({ payload, user: staff, now }),
    ])
    return (
      <div className="editors-desk" style={grid}>
        <WaitingBlock {...waiting} now={now} />
        <ScheduledBlock {...scheduled} />
        <RecentBlock docs={recent.docs} />
        <MostReadBlock sites={mostRead} />
      </div>
    )
  }
  if (hasRole(staff, 'reporter')) {
    const mine = await myArticles({ payload, user: staff })
    return (
      <div className="editors-desk" style={grid}>
        <MyArticlesBlock {...mine} now={now} />
      </div>
    )
  }
  return null
}
