import type { JobsConfig } from 'payload'

import { env } from './config/env.ts'
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
  tasks: [refreshWeatherTask()],
  shouldAutoRun: () => env().jobsAutorun,
  // Finished jobs are not kept: the article's versions already record what was published.
  deleteJobOnComplete: true,
}
