import path from 'node:path'
import { parseArgs } from 'node:util'

import { env } from '../../config/env.ts'
import { attachmentsDir } from '../../participation/storage.ts'
import { rebuildReadModel } from '../../site/readModel/rebuild.ts'
import { startPayload, stopPayload } from '../../server/startPayload.ts'
import { recordRestore } from '../audit/system.ts'
import { runOpsCommand } from '../command.ts'
import { OpsError } from '../errors.ts'
import { restoreBackup } from './restore.ts'

/**
 * `npm run restore -- DIR [--force]`: restores a backup into the database of DATABASE_URL and the
 * media folder (empty ones unless --force), then rebuilds the read model. Stop the server first.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true })
  if (positionals.length !== 1) throw new OpsError('usage: npm run restore -- BACKUP_DIR [--force]')
  const settings = env()
  const progress = Boolean(process.stderr.isTTY)
  const summary = await restoreBackup({ dir: path.resolve(positionals[0]!), databaseUrl: settings.databaseUrl, mediaDir: settings.mediaDir, attachmentsDir: attachmentsDir(settings.dataDir), force: values.force, progress })
  // Starting Payload applies migrations newer than the backup; the read model is derived, so it is written again.
  const payload = await startPayload({ readModel: false })
  try {
    const { records } = await rebuildReadModel(payload, { progress })
    await recordRestore(payload, path.basename(positionals[0]!), summary.manifest.createdAt)
    console.log(
      `Restored the backup of ${summary.manifest.createdAt}: ${summary.tables} tables, ${summary.rows} rows (as in the manifest), ` +
        `${summary.mediaFiles} media files (${(summary.mediaBytes / 1024 / 1024).toFixed(1)} MB) and ${summary.attachmentFiles} attachments, checksums match; read model rebuilt (${records} records).`,
    )
  } finally {
    await stopPayload(payload)
  }
}

runOpsCommand('Restore failed', main)
