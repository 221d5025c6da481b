import { ConfigError, env } from '../config/env.ts'
import { runCommand } from '../server/command.ts'
import { startPayload, stopPayload } from '../server/startPayload.ts'
import { printDemoGuide } from './demoGuide.ts'
import { seedDemoContent } from './seed.ts'
import { seedRefusal } from './seedRefusal.ts'

/**
 * `npm run seed` writes the demo content (idempotent).
 * `--if-empty` seeds only a database without sites; `--demo` overrides the refusals above.
 */
async function main(): Promise<void> {
  const ifEmpty = process.argv.includes('--if-empty')
  const payload = await startPayload()
  try {
    const sites = await payload.find({ collection: 'sites', depth: 0, limit: 0, pagination: false, select: { key: true } })
    if (ifEmpty && sites.docs.length > 0) {
      console.log(`Database already has ${sites.docs.length} site(s): demo content not written.`)
      return
    }
    const refusal = seedRefusal({ isProduction: env().isProduction, demo: process.argv.includes('--demo'), siteKeys: sites.docs.map((site) => site.key) })
    if (refusal) throw new ConfigError(refusal)
    const report = await seedDemoContent(payload)
    console.log(`Demo content: ${report.created} created, ${report.existing} already present.`)
    printDemoGuide(env().port)
  } finally {
    await stopPayload(payload)
  }
}

runCommand('Seed failed', main)
