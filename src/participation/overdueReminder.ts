import type { Payload, TaskConfig, Where } from 'payload'

import type { Question } from '../payload-types.ts'

import { env } from '../config/env.ts'
import { REFERENCE_HEADER } from '../mail/adapter.ts'
import { editorsOfSite, siteNameOf } from '../mail/recipients.ts'
import { KIND_LABELS } from './statuses.ts'
import { workingDaysBetween } from './workingDays.ts'

const DAY_MS = 24 * 60 * 60 * 1000
type Id = number | string

/** The steps in which a question still waits for the agency (see the `overdue` marker). */
const WAITING = ['new', 'assigned']

export const questionAdminLink = (id: Id): string => `/admin/collections/questions/${id}`

/**
 * Questions and feedback that may be past the deadline and whose editors were not yet told.
 * Working days never outnumber calendar days, so everything overdue was received more than
 * `deadline` calendar days ago; the exact count is checked afterwards.
 */
export function overdueCandidates(now: Date, deadline: number): Where {
  return {
    and: [
      { status: { in: WAITING } },
      { overdueRemindedAt: { exists: false } },
      { receivedAt: { less_than: new Date(now.getTime() - deadline * DAY_MS).toISOString() } },
    ],
  }
}

type Late = Pick<Question, 'id' | 'reference' | 'title' | 'kind' | 'assignedUnit' | 'receivedAt'> & { site: Id; workingDays: number }

export type ReminderResult = { questions: number; messages: number }

/**
 * Tells each site's editors, in one e-mail per site, which questions and feedback wait past the
 * deadline (`QUESTION_DEADLINE_WORKING_DAYS`), then marks them so each is mentioned once. A site
 * whose message cannot be sent, or that has no editor, keeps its questions unmarked for the next run.
 */
export async function remindOverdueQuestions(
  payload: Payload,
  { now = new Date(), deadline = env().questionDeadlineWorkingDays } = {},
): Promise<ReminderResult> {
  // server rights: waiting questions of every site, read only to tell their editors
  const { docs } = await payload.find({
    collection: 'questions',
    where: overdueCandidates(now, deadline),
    select: { reference: true, title: true, kind: true, assignedUnit: true, receivedAt: true, site: true },
    sort: 'receivedAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const bySite = new Map<string, Late[]>()
  for (const doc of docs) {
    const workingDays = workingDaysBetween(new Date(doc.receivedAt), now)
    const site = typeof doc.site === 'object' && doc.site ? doc.site.id : doc.site
    if (workingDays <= deadline || site == null) continue
    const late = bySite.get(String(site)) ?? []
    late.push({ ...doc, site, workingDays })
    bySite.set(String(site), late)
  }

  const result: ReminderResult = { questions: 0, messages: 0 }
  for (const late of bySite.values()) {
    const site = late[0]!.site
    try {
      const editors = await editorsOfSite(payload, site)
      if (editors.length === 0) continue
      await payload.sendEmail(await compose(payload, site, late, deadline, editors.map((editor) => editor.email)))
      // server rights: a system mark (overdueRemindedAt) that no person writes
      await payload.update({
        collection: 'questions',
        where: { id: { in: late.map((question) => question.id) } },
        data: { overdueRemindedAt: now.toISOString() },
        depth: 0,
        overrideAccess: true,
      })
      result.questions += late.length
      result.messages += 1
    } catch (error) {
      payload.logger.error({ msg: 'overdue reminder failed', site, questions: late.length, error: (error as Error).message })
    }
  }
  payload.logger.info({ msg: 'overdue questions reminded', ...result })
  return result
}

async function compose(payload: Payload, site: Id, late: Late[], deadline: number, to: string[]) {
  const siteName = await siteNameOf(payload, site)
  const lines = late.flatMap((question) => [
    `- ${question.reference} (${KIND_LABELS[question.kind ?? 'question'].vi.toLowerCase()}) «${question.title}»: ${question.workingDays} ngày làm việc, ${question.assignedUnit ? `giao ${question.assignedUnit}` : 'chưa giao đơn vị'}`,
    `  ${payload.config.serverURL}${questionAdminLink(question.id)}`,
  ])
  return {
    to,
    subject: `Hỏi đáp quá hạn trả lời: ${late.length} mục${siteName ? ` trên ${siteName}` : ''}`,
    headers: { [REFERENCE_HEADER]: late.map((question) => question.reference).join(', ') },
    text: [
      `Các câu hỏi, góp ý sau đã quá ${deadline} ngày làm việc kể từ khi tiếp nhận mà chưa được trả lời:`,
      '',
      ...lines,
      '',
      'Thư này được gửi tự động, vui lòng không trả lời thư.',
    ].join('\n'),
  }
}

/** Runs the reminder on working-day mornings (01:00 UTC, 08:00 in Viet Nam) on the default queue. */
export const remindOverdueQuestionsTask = (): TaskConfig => ({
  slug: 'remindOverdueQuestions',
  label: 'Nhắc hỏi đáp quá hạn trả lời',
  retries: 0,
  schedule: [{ cron: '0 1 * * 1-5', queue: 'default' }],
  outputSchema: [
    { name: 'questions', type: 'number' },
    { name: 'messages', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await remindOverdueQuestions(req.payload) }),
})
