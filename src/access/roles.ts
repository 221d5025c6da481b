import type { User } from '../payload-types.ts'

export const ROLES = ['admin', 'editor', 'reporter', 'pollModerator', 'answerer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { en: string; vi: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  reporter: { vi: 'Phóng viên', en: 'Reporter' },
  pollModerator: { vi: 'Kiểm duyệt thăm dò', en: 'Poll moderator' },
  answerer: { vi: 'Cán bộ trả lời hỏi đáp', en: 'Answerer' },
}

type MaybeUser = Pick<User, 'role'> | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user && roles.includes(user.role as Role))
}

/**
 * Staff who write content (administrators, editors, reporters) read drafts on their sites. Poll
 * moderators and answerers work on polls and questions; other content they read as the public.
 */
export function writesContent(user: MaybeUser): boolean {
  return hasRole(user, 'admin', 'editor', 'reporter')
}

/** Administrators work across all sites; everyone else only on the sites assigned to them. */
export function isAdmin(user: MaybeUser): boolean {
  return hasRole(user, 'admin')
}
