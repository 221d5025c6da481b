import type { Access, FieldAccess, Where } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'

/**
 * Who sees and changes citizens' questions. Editors and administrators handle every question of
 * their sites (the multi-tenant plugin adds the site filter); an answerer only those assigned to
 * their own unit; the public reads none of them through the API (published pairs reach the public
 * pages through the read model, without contact details).
 */
export const questionHandlers: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Statuses in which a question is its unit's to answer, or already answered by it. */
export const ANSWERABLE_STATUSES = ['assigned', 'answered'] as const

/** The questions assigned to the answerer's unit that are still theirs to answer or already answered. */
export function assignedToUnit(unit: string | null | undefined): Where | false {
  if (!unit) return false
  return { and: [{ assignedUnit: { equals: unit } }, { status: { in: [...ANSWERABLE_STATUSES] } }] }
}

export const readQuestions: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'answerer')) return assignedToUnit(user?.unit)
  return false
}

/** Answerers write the answer of their unit's assigned questions; everything else is the editors'. */
export const updateQuestions: Access = (args) => readQuestions(args)

/** Fields only editors and administrators change (status, assignment, contact, publishing). */
export const handlersOnlyField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Contact details: read by editors and administrators only, never by answerers or the public. */
export const contactReaders: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const nobodyField: FieldAccess = () => false
