import type { Payload } from 'payload'

import type { Id } from '../site/readModel/records.ts'

import { REFERENCE_HEADER } from '../mail/adapter.ts'
import { siteOrigin } from '../site/origin.ts'
import { questionPath } from '../site/paths.ts'
import { questionSlug } from '../site/readModel/questions.ts'

/**
 * Tells the asker that the answer to their question is published: to the e-mail address they gave
 * (nothing when they gave only a phone number). A failure is logged with the reference only and
 * never undoes the publishing.
 */
export async function sendAnswerMail(payload: Payload, questionId: Id): Promise<void> {
  try {
    await send(payload, questionId)
  } catch (error) {
    payload.logger.error({ msg: 'answer e-mail failed', question: questionId, error: (error as Error).message })
  }
}

async function send(payload: Payload, questionId: Id): Promise<void> {
  // server rights: the asker's own address, read once to send them the answer's link
  const question = await payload.findByID({
    collection: 'questions',
    id: questionId,
    select: { reference: true, title: true, email: true, site: true },
    depth: 1,
    overrideAccess: true,
  })
  if (!question.email || !question.site || typeof question.site !== 'object') return
  const link = `${siteOrigin(question.site)}${questionPath(questionSlug(question.reference))}`
  await payload.sendEmail({
      to: question.email,
      subject: `Câu hỏi ${question.reference} đã được trả lời`,
      headers: { [REFERENCE_HEADER]: question.reference },
      text: [
        'Kính gửi Quý ông/bà,',
        '',
        `Câu hỏi số ${question.reference} "${question.title}" gửi tới ${question.site.name} đã được trả lời và công bố tại:`,
        link,
        '',
        'Trân trọng.',
        `${question.site.agency}`,
        '',
        'Thư này được gửi tự động, vui lòng không trả lời thư.',
      ].join('\n'),
    })
}
