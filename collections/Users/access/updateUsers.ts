import type { Access } from 'payload'

import { isAdmin } from '../../../src/access/roles.ts'

/** Administrators change any account; everyone else only their own. */
export const updateUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { id: { equals: user.id } }
}
