import { env } from '../config/env.ts'
import { createProgress } from '../import/progress.ts'
import { runCommand } from '../server/command.ts'
import { startPayload, stopPayload } from '../server/startPayload.ts'
import { renameLegacyMedia } from './renameLegacyFiles.ts'

/**
 * `npm run media:rename`: gives images uploaded under their uploader's name (before uploads were
 * renamed, or from an old backup) a name the server chooses. Safe while the portal runs and to
 * run again; see docs/security.md.
 */
async function main(): Promise<void> {
  const payload = await startPayload()
  try {
    let bar: ReturnType<typeof createProgress> | undefined
    const { renamed, missing, removed } = await renameLegacyMedia(payload, {
      mediaDir: env().mediaDir,
      onProgress: (done, total) => {
        bar ??= createProgress(total, true, process.stderr, 'images')
        bar.tick()
        if (done === total) bar.done()
      },
    })
    console.log(`Renamed ${renamed.length} images; removed ${removed} old file names.`)
    if (missing.length > 0) console.log(`Left as they are, their file is missing: ${missing.join(', ')}`)
  } finally {
    await stopPayload(payload)
  }
}

runCommand('Renaming failed', main)
