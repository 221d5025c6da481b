import { env } from '../config/env.ts'
import { runCommand } from '../server/command.ts'
import { startPayload, stopPayload } from '../server/startPayload.ts'
import { printDemoGuide } from './demoGuide.ts'
import { seedDemoContent } from './seed.ts'

/**
 * `npm run seed` writes the demo content (idempotent).
 * `--if-empty` seeds only a database without sites, as the demo start command does.
 */
async function main(): Promise<void> {
  const ifEmpty = process.argv.includes('--if-empty')
  const payload = await startPayload()
  try {
    const sites = await payload.count({ collection: 'sites' })
    if (ifEmpty && sites.totalDocs > 0) {
      console.log(`Database already has ${sites.totalDocs} site(s): demo content not written.`)
    } else {
      const report = await seedDemoContent(payload)
      console.log(`Demo content: ${report.created} created, ${report.existing} already present.`)
    }
    printDemoGuide(env().port)
  } finally {
    await stopPayload(payload)
  }
}

runCommand('Seed failed', main)
