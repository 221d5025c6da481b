import type { CollectionAfterChangeHook } from 'payload'

import type { Question } from '../../../src/payload-types.ts'

import { afterCommit } from '../../../src/db/afterCommit.ts'
import { sendAnswerMail } from '../../../src/participation/answerMail.ts'

/** Once a question's publishing has committed, the asker gets an e-mail with its reference. */
export const tellAsker: CollectionAfterChangeHook<Question> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && doc.status === 'published' && previousDoc?.status !== 'published') {
    const { payload } = req
    await afterCommit(req, () => void sendAnswerMail(payload, doc.id))
  }
  return doc
}
