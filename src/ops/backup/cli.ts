import path from 'node:path'
import { parseArgs } from 'node:util'

import { env } from '../../config/env.ts'
import { attachmentsDir } from '../../participation/storage.ts'
import { runOpsCommand } from '../command.ts'
import { OpsError } from '../errors.ts'
import { createBackup } from './backup.ts'
import { verifyBackup } from './verify.ts'

/**
 * `npm run backup -- [--out DIR]`: one dated folder with the database, the media and a manifest,
 * taken while the portal runs. `npm run backup -- --verify DIR` checks a backup without restoring it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, verify: { type: 'string' } } })
  if (values.verify) {
    const { manifest, problems } = await verifyBackup(path.resolve(values.verify))
    if (problems.length) throw new OpsError(`${problems.length} problem(s): ${problems.join('; ')}`)
    console.log(`Backup of ${manifest.createdAt} is whole: database file, ${manifest.media.length} media files and ${manifest.attachments?.length ?? 0} attachments match the manifest.`)
    return
  }
  const settings = env()
  const started = Date.now()
  const { dir, manifest } = await createBackup({
    databaseUrl: settings.databaseUrl,
    mediaDir: settings.mediaDir,
    attachmentsDir: attachmentsDir(settings.dataDir),
    out: values.out ?? path.join(settings.dataDir, 'backups'),
    progress: Boolean(process.stderr.isTTY),
  })
  const rows = Object.values(manifest.database.tables).reduce((sum, count) => sum + count, 0)
  console.log(
    `Backup written to ${dir}: ${manifest.database.kind} database (${Object.keys(manifest.database.tables).length} tables, ${rows} rows), ` +
      `${manifest.media.length} media files, ${manifest.attachments?.length ?? 0} attachments, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
}

runOpsCommand('Backup failed', main)
