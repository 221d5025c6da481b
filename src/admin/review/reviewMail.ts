import type { Payload } from 'payload'

import type { ReviewEntry, ReviewStep } from '../../../collections/Articles/review/steps.ts'

import { readHistory } from '../../../collections/Articles/review/steps.ts'
import { editorsOfSite, type Recipient, siteNameOf } from '../../mail/recipients.ts'
import { articleLink } from '../desk/links.ts'

type Id = number | string

/** The steps someone is told about by e-mail: editors of a submission, the reporter of the decision. */
const MAILED_STEPS: readonly ReviewStep[] = ['submitted', 'returned', 'published']

/**
 * The review steps one save added (the hook appends to the history, never rewrites it), of the
 * kinds that are mailed. Each step is added once, so each is mailed once.
 */
export function newMailedSteps(previousHistory: unknown, history: unknown): ReviewEntry[] {
  const before = readHistory(previousHistory).length
  return readHistory(history)
    .slice(before)
    .filter((entry) => MAILED_STEPS.includes(entry.step))
}

export type ReviewMail = {
  article: { id: Id; title: string; site: Id | null; createdBy: Id | null }
  entry: ReviewEntry
}

/**
 * Tells the people concerned about one review step: a submission goes to the editors of the
 * article's site, a return (with the editor's note) or publication to the reporter who wrote it.
 * Nobody is told of their own step. A failure is logged and changes nothing else: the step is saved.
 */
export async function sendReviewMail(payload: Payload, mail: ReviewMail): Promise<void> {
  try {
    const message = await compose(payload, mail)
    if (message) await payload.sendEmail(message)
  } catch (error) {
    payload.logger.error({ msg: 'review e-mail failed', article: mail.article.id, step: mail.entry.step, error: (error as Error).message })
  }
}

async function compose(payload: Payload, { article, entry }: ReviewMail) {
  const recipients = entry.step === 'submitted' ? await editorsOfSite(payload, article.site) : await writerOf(payload, article.createdBy)
  const to = recipients.filter((user) => String(user.id) !== String(entry.by)).map((user) => user.email)
  if (to.length === 0) return undefined
  const siteName = await siteNameOf(payload, article.site)
  const link = `${payload.config.serverURL}${articleLink(article.id)}`
  const where = siteName ? ` trên ${siteName}` : ''
  const lines: Record<'submitted' | 'returned' | 'published', { subject: string; text: string[] }> = {
    submitted: {
      subject: `Bài chờ duyệt: ${article.title}`,
      text: [`${entry.byName} vừa gửi bài «${article.title}»${where} để duyệt.`, '', 'Xem và duyệt bài:', link],
    },
    returned: {
      subject: `Bài bị trả lại: ${article.title}`,
      text: [`${entry.byName} đã trả lại bài «${article.title}»${where} để sửa.`, '', 'Lý do trả lại:', entry.note ?? '', '', 'Sửa bài rồi gửi duyệt lại tại:', link],
    },
    published: {
      subject: `Bài đã xuất bản: ${article.title}`,
      text: [`Bài «${article.title}»${where} đã được xuất bản (${entry.byName}).`, '', 'Xem bài trong trang quản trị:', link],
    },
  }
  const { subject, text } = lines[entry.step as keyof typeof lines]
  return { to, subject, text: [...text, '', 'Thư này được gửi tự động, vui lòng không trả lời thư.'].join('\n') }
}

async function writerOf(payload: Payload, createdBy: Id | null): Promise<Recipient[]> {
  if (createdBy === null) return []
  // server rights: the address of the article's writer, to tell them what became of it
  const writer = await payload.findByID({ collection: 'users', id: createdBy, select: { email: true }, depth: 0, disableErrors: true, overrideAccess: true })
  return writer ? [writer] : []
}
