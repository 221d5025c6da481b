import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, writesContent } from '../../../src/access/roles.ts'

/** Staff who write content read every comment of their sites; the public reads approved ones only. */
export const readComments: Access = ({ req: { user } }) => {
  if (writesContent(user)) return true
  const approved: Where = { status: { equals: 'approved' } }
  return approved
}

/** Editors and administrators moderate (approve, reject). */
export const moderators: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
export const moderatorsField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Contact details and the address hash: staff only, never the public (REST, GraphQL or pages). */
export const staffField: FieldAccess = ({ req: { user } }) => writesContent(user)

export const nobodyField: FieldAccess = () => false
