import path from 'node:path'

import { env, localSecret } from '../config/env.ts'
import { printDemoGuide } from '../seed/demoGuide.ts'
import { seedDemoContent } from '../seed/seed.ts'
import { exitWithError, serve } from './serve.ts'
import { startNext } from './startNext.ts'
import { startPayload } from './startPayload.ts'

/**
 * `npm run demo`: the portal on embedded SQLite with demo content, no setup.
 * The production server runs with a secret generated once and kept in ./data (gitignored).
 */
async function main(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'production' })
  // The demo's accounts have a published password: reachable from this machine only, unless HOST says otherwise.
  process.env.HOST ||= '127.0.0.1'
  process.env.PAYLOAD_SECRET ||= localSecret(path.resolve(process.env.DATA_DIR || 'data'))
  const payload = await startPayload({ runJobs: true })
  const sites = await payload.count({ collection: 'sites', overrideAccess: false })
  if (sites.totalDocs === 0) {
    const report = await seedDemoContent(payload)
    payload.logger.info(`Demo content written: ${report.created} documents`)
  }
  const handleNext = await startNext()
  serve(payload, handleNext, () => printDemoGuide(env().port, env().host))
}

main().catch(exitWithError)
