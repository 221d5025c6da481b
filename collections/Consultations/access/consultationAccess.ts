import type { Access } from 'payload'

import { canCreateDocument, canUpdateDocument, readDocuments } from '../../Documents/access/documentAccess.ts'

/** Drafts put out for comment follow the register's rules: writers read drafts, reporters draft, editors publish. */
export const readConsultations: Access = (args) => readDocuments(args)
export const canCreateConsultation: Access = (args) => canCreateDocument(args)
export const canUpdateConsultation: Access = (args) => canUpdateDocument(args)
