import type { Payload, TypedUser } from 'payload'

import React from 'react'

import type { User } from '../../payload-types.ts'

import { hasRole } from '../../access/roles.ts'
import { countInReview } from '../desk/queries.ts'
import { returnedListLink, waitingListLink } from '../desk/links.ts'

type NoticeProps = { payload: Payload; user?: TypedUser | null }

const badge: React.CSSProperties = { display: 'inline-block', padding: '0.25rem 0.75rem', borderRadius: 999, background: '#9a3412', color: '#fff', fontWeight: 600, textDecoration: 'none', whiteSpace: 'nowrap' }

/**
 * In the admin header on every page: for editors, how many articles wait for review; for reporters,
 * how many of theirs came back. Nothing when nothing waits.
 */
export async function WaitingNotice({ payload, user }: NoticeProps) {
  if (!user || user.collection !== 'users') return null
  const staff = user as unknown as User
  if (hasRole(staff, 'admin', 'editor')) {
    const waiting = await countInReview({ payload, user: staff }, 'submitted')
    if (waiting === 0) return null
    return (
      <a className="desk-notice" href={waitingListLink} style={badge}>
        {waiting} bài chờ duyệt
      </a>
    )
  }
  if (hasRole(staff, 'reporter')) {
    const returned = await countInReview({ payload, user: staff }, 'returned')
    if (returned === 0) return null
    return (
      <a className="desk-notice" href={returnedListLink} style={badge}>
        {returned} bài bị trả lại
      </a>
    )
  }
  return null
}
