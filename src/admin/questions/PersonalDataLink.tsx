import type { TypedUser } from 'payload'

import React from 'react'

import type { User } from '../../payload-types.ts'

import { hasRole } from '../../access/roles.ts'
import { linkButton } from '../linkButton.ts'

/**
 * Above the questions list, for editors: the page that exports or erases one person's submissions
 * (Decree 13/2023/NĐ-CP; collections/Questions/endpoints/personalData.ts). Answerers never see it.
 */
export function PersonalDataLink({ user }: { user?: TypedUser | null }) {
  if (!user || user.collection !== 'users' || !hasRole(user as unknown as User, 'admin', 'editor')) return null
  return (
    <p className="personal-data-link" style={{ marginBottom: '1rem' }}>
      <a href="/api/questions/personal-data" style={linkButton}>
        Dữ liệu cá nhân của một người
      </a>{' '}
      <span>xuất hoặc xóa mọi câu hỏi, góp ý và ý kiến dự thảo theo thư điện tử hoặc số điện thoại.</span>
    </p>
  )
}
