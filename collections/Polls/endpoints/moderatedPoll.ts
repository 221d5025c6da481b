import type { PayloadRequest } from 'payload'

import type { Poll, User } from '../../../src/payload-types.ts'

import { hasRole } from '../../../src/access/roles.ts'

export type Moderated = { poll: Poll; user: User } | { response: Response }

const refuse = (status: number, message: string) => ({ response: Response.json({ message }, { status }) })

/**
 * The poll of the address, when the signed-in user moderates its site (administrators: any site).
 * The poll is read with the user's own access, so the multi-tenant site filter applies: a poll of
 * another site is "not found".
 */
export async function moderatedPoll(req: PayloadRequest): Promise<Moderated> {
  const user = req.user as User | null
  if (!user) return refuse(401, 'Vui lòng đăng nhập.')
  if (!hasRole(user, 'admin', 'pollModerator')) return refuse(403, 'Bạn không có quyền kiểm duyệt thăm dò ý kiến.')
  const id = req.routeParams?.id
  if (typeof id !== 'string' && typeof id !== 'number') return refuse(404, 'Không tìm thấy cuộc thăm dò.')
  const found = await req.payload.find({ collection: 'polls', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: false, user, req })
  const poll = found.docs[0]
  return poll ? { poll, user } : refuse(404, 'Không tìm thấy cuộc thăm dò.')
}

/** The request body as fields, from JSON or an HTML form. */
export async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? ''
  try {
    if (type.includes('application/json')) return ((await req.json?.()) ?? {}) as Record<string, unknown>
    if (type.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams((await req.text?.()) ?? '')
      const fields: Record<string, unknown> = {}
      for (const key of new Set(form.keys())) fields[key] = key === 'ids' ? form.getAll(key) : form.get(key)
      return fields
    }
  } catch {
    return {}
  }
  return {}
}
