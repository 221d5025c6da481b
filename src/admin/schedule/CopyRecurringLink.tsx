import type { TypedUser } from 'payload'

import React from 'react'

import type { User } from '../../payload-types.ts'

import { hasRole } from '../../access/roles.ts'
import { linkButton } from '../linkButton.ts'

/** Above the schedule list, for editors: the form that copies last week's recurring entries. */
export function CopyRecurringLink({ user }: { user?: TypedUser | null }) {
  if (!user || user.collection !== 'users' || !hasRole(user as unknown as User, 'admin', 'editor')) return null
  return (
    <p className="copy-recurring" style={{ marginBottom: '1rem' }}>
      <a href="/api/schedule-entries/copy-recurring" style={linkButton}>
        Sao chép lịch tuần trước
      </a>{' '}
      <span>các mục "Lặp lại hằng tuần" sang tuần này hoặc tuần sau (bản nháp).</span>
    </p>
  )
}
