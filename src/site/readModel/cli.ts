import { runCommand } from '../../server/command.ts'
import { startPayload, stopPayload } from '../../server/startPayload.ts'
import { rebuildReadModel } from './rebuild.ts'

/**
 * `npm run read-model:rebuild`: writes the read model again from what the public may read (after a
 * restore, an upgrade, or a bulk load that bypassed Payload). Idempotent; a progress bar on stderr.
 */
async function main(): Promise<void> {
  const payload = await startPayload({ readModel: false })
  try {
    const started = Date.now()
    const { records } = await rebuildReadModel(payload, { progress: true })
    console.log(`Read model rebuilt: ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  } finally {
    await stopPayload(payload)
  }
}

runCommand('Rebuild failed', main)
