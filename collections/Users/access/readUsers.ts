import type { Access } from 'payload'

/** Signed-in staff see accounts; the multi-tenant plugin narrows non-administrators to their own sites. */
export const readUsers: Access = ({ req: { user } }) => Boolean(user)
