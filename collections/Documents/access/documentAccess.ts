import type { Access, Where } from 'payload'

import { writesContent } from '../../../src/access/roles.ts'
import { canCreateArticle, canUpdateArticle } from '../../Articles/access/canWriteArticle.ts'

/** Writers read every document of their sites, drafts included; everyone else only published ones. */
export const readDocuments: Access = ({ req: { user } }) => {
  if (writesContent(user)) return true
  const published: Where = { _status: { equals: 'published' } }
  return published
}

/** Drafts, review and publishing follow the articles' rules: reporters draft, editors publish. */
export const canCreateDocument: Access = (args) => canCreateArticle(args)
export const canUpdateDocument: Access = (args) => canUpdateArticle(args)
