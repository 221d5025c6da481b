import type { AuditAction } from './actions.ts'

/** Fields whose change is bookkeeping, not an editorial change. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', '_status', 'hash', 'salt', 'sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration'])

/** A relationship reads as its id whether it was populated or not, at any depth (array rows, groups). */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable)
  if (!value || typeof value !== 'object') return value
  if ('id' in value && 'createdAt' in value) return (value as { id: unknown }).id
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)]))
}

/** Names of the top-level fields whose value differs between two versions of a document (`derived`: fields kept by the system, left out). */
export function changedFields(doc: Record<string, unknown>, previous: Record<string, unknown> | undefined, derived: Set<string> = new Set()): string[] {
  if (!previous) return []
  const names = new Set([...Object.keys(doc), ...Object.keys(previous)])
  return [...names]
    .filter((name) => !BOOKKEEPING.has(name) && !derived.has(name))
    .filter((name) => JSON.stringify(comparable(doc[name]) ?? null) !== JSON.stringify(comparable(previous[name]) ?? null))
    .sort()
}

/** What a write did, from the status before and the status the public now sees. */
export function actionOfWrite(operation: 'create' | 'update', wasPublished: boolean, isPublished: boolean): AuditAction {
  if (isPublished && (operation === 'create' || !wasPublished)) return 'publish'
  if (operation === 'update' && wasPublished && !isPublished) return 'unpublish'
  return operation
}
