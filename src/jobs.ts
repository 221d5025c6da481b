import type { JobsConfig } from 'payload'

import { env } from './config/env.ts'

/**
 * Payload's job queue. Scheduled publishing (articles' `schedulePublish`) queues a job that the
 * cron below runs every minute in the server process; tests call `payload.jobs.run()` directly.
 */
export const jobs: JobsConfig = {
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
  shouldAutoRun: () => env().jobsAutorun,
  // Finished jobs are not kept: the article's versions already record what was published.
  deleteJobOnComplete: true,
}
