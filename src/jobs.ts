import type { JobsConfig } from 'payload'

import { env } from './config/env.ts'
import { pruneAuditTask } from './ops/audit/retention.ts'
import { auditScheduledJobs } from './ops/audit/schedule.ts'
import { scheduledBackupTask } from './ops/backup/schedule.ts'
import { withTaskLogAppends } from './ops/taskLog.ts'
import { remindOverdueQuestionsTask } from './participation/overdueReminder.ts'
import { eraseExpiredContactsTask } from './participation/retention.ts'
import { refreshWeatherTask } from './weather/refresh.ts'

/**
 * Payload's job queue. Scheduled publishing (articles' `schedulePublish`) queues a job that the
 * cron below runs every minute in the server process; tests call `payload.jobs.run()` directly.
 */
export const jobs: JobsConfig = {
  autoRun: [
    { cron: '* * * * *', queue: 'default', limit: 50 },
    // Weather refresh (src/weather/refresh.ts): runs what its schedule queued.
    { cron: '* * * * *', queue: 'weather', limit: 5 },
  ],
  tasks: [refreshWeatherTask(), pruneAuditTask(), scheduledBackupTask(), eraseExpiredContactsTask(), remindOverdueQuestionsTask()],
  // Who scheduled a publish, and for when, goes to the audit trail; task logs pass the field checks.
  jobsCollectionOverrides: (args) => withTaskLogAppends(auditScheduledJobs(args)),
  // Needed for the hook above; jobs here are few (scheduled publishing, weather, retention, backup, contact erasure, overdue reminders).
  runHooks: true,
  shouldAutoRun: () => env().jobsAutorun,
  // Finished jobs are not kept: the article's versions already record what was published.
  deleteJobOnComplete: true,
}
