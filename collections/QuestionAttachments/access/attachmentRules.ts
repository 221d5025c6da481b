import type { Access, Where } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'
import { ANSWERABLE_STATUSES } from '../../Questions/access/questionRules.ts'

/**
 * Who reads the files citizens attach to their questions: whoever reads the question. Editors and
 * administrators (the multi-tenant plugin adds the site filter); an answerer those of the questions
 * assigned to their unit; nobody else, and never the public.
 */
export const readAttachments: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'answerer')) return attachedToUnitQuestion(user?.unit)
  return false
}

function attachedToUnitQuestion(unit: string | null | undefined): Where | false {
  if (!unit) return false
  return { and: [{ 'question.assignedUnit': { equals: unit } }, { 'question.status': { in: [...ANSWERABLE_STATUSES] } }] }
}
