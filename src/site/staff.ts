import type { Request } from 'express'
import type { Payload } from 'payload'

import type { Site, User } from '../payload-types.ts'

import { isAdmin } from '../access/roles.ts'
import { hasSession } from './cache/pageCache.ts'

/** The signed-in user when Payload verifies the session and they work on this site (administrators work on all). */
export async function staffOfSite(payload: Payload, req: Request, site: Site): Promise<User | undefined> {
  if (!hasSession(req)) return undefined
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const { user } = await payload.auth({ headers })
  if (!user || user.collection !== 'users') return undefined
  const staff = user as User
  if (isAdmin(staff)) return staff
  const sites = (staff.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site.id : entry.site))
  return sites.includes(site.id) ? staff : undefined
}
