import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/pollRules.ts'
import { adminsOnly } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { copyUnitName, questionSite } from '../../src/organisation/unitAssignment.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { readQuestions, updateQuestions } from './access/questionRules.ts'
import { contactErasedAtField } from '../../src/participation/contactErasedField.ts'
import { erasePersonalData, exportPersonalData, personalDataPage } from './endpoints/personalData.ts'
import { questionFields } from './fields.ts'
import { addDeadline, applyHandling } from './hooks/handling.ts'
import { tellAsker } from './hooks/tellAsker.ts'

/**
 * Hỏi đáp: citizens' questions, received through the public form (src/participation), handled by
 * editors and answered by the unit they are assigned to. Feedback ("Góp ý", `kind: 'feedback'`)
 * comes through its own form into the same queue and handling, and is never published. Created only by the form; contact details
 * are read by editors only; nothing here is readable anonymously.
 */
export const Questions: CollectionConfig = {
  slug: 'questions',
  labels: { singular: { vi: 'Câu hỏi', en: 'Question' }, plural: { vi: 'Hỏi đáp', en: 'Questions' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['reference', 'kind', 'title', 'status', 'assignedUnit', 'receivedAt', 'workingDaysOpen', 'overdue', 'flagged'],
    group: { vi: 'Hỏi đáp', en: 'Questions' },
    listSearchableFields: ['reference', 'title'],
    components: { beforeListTable: ['/src/admin/questions/PersonalDataLink.tsx#PersonalDataLink'] },
  },
  defaultSort: '-receivedAt',
  indexes: [{ fields: ['site', 'reference'], unique: true }, { fields: ['site', 'status', 'publishedAt'] }],
  access: { read: readQuestions, create: nobody, update: updateQuestions, delete: adminsOnly },
  hooks: {
    beforeValidate: [normalizeText],
    beforeChange: [copyUnitName('assignedUnit', questionSite), applyHandling],
    afterChange: [readModelHooks.questions.afterChange, tellAsker],
    afterDelete: [readModelHooks.questions.afterDelete],
    afterRead: [addDeadline],
  },
  endpoints: [personalDataPage, exportPersonalData, erasePersonalData],
  fields: [...questionFields, contactErasedAtField],
}
