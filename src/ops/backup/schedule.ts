import type { TaskConfig } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { env } from '../../config/env.ts'
import { attachmentsDir } from '../../participation/storage.ts'
import { createBackup } from './backup.ts'
import { MANIFEST_FILE } from './manifest.ts'

/** A finished backup folder as createBackup names it; `.partial` folders and anything else never match. */
const BACKUP_FOLDER = /^cong-tin-\d{8}-\d{6}$/

export type ScheduledBackupOptions = {
  databaseUrl: string
  mediaDir: string
  attachmentsDir?: string
  backupDir: string
  /** How many complete backups to keep, the new one included. */
  keep: number
  now?: Date
}

/** Complete backups in `dir`, oldest first: folders with a backup's name and a manifest, which is written last. */
export function completeBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && BACKUP_FOLDER.test(entry.name) && fs.existsSync(path.join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort()
}

/**
 * Takes a backup into `backupDir`, then removes the oldest complete backups beyond `keep`. Old
 * backups are removed only once the new one is complete, so a failed run keeps all of them; a
 * folder still being written (`.partial`) and anything that is not a backup folder are left alone.
 */
export async function runScheduledBackup({ databaseUrl, mediaDir, attachmentsDir, backupDir, keep, now = new Date() }: ScheduledBackupOptions): Promise<{ dir: string; removed: string[] }> {
  const { dir } = await createBackup({ databaseUrl, mediaDir, attachmentsDir, out: backupDir, now })
  const backups = completeBackups(backupDir)
  const removed = backups.slice(0, Math.max(0, backups.length - keep))
  for (const name of removed) fs.rmSync(path.join(backupDir, name), { recursive: true, force: true })
  return { dir, removed }
}

/** The daily backup on the default queue (the server's job runner), scheduled only when BACKUP_DIR is set. */
export const scheduledBackupTask = (): TaskConfig => {
  const settings = env()
  return {
    slug: 'backupDaily',
    label: 'Sao lưu hằng ngày',
    retries: 0,
    ...(settings.backupDir ? { schedule: [{ cron: settings.backupCron, queue: 'default' }] } : {}),
    outputSchema: [
      { name: 'dir', type: 'text' },
      { name: 'removed', type: 'number' },
    ],
    handler: async ({ req }) => {
      const current = env()
      if (!current.backupDir) throw new Error('BACKUP_DIR is not set: there is nowhere to write the backup')
      try {
        const { dir, removed } = await runScheduledBackup({ databaseUrl: current.databaseUrl, mediaDir: current.mediaDir, attachmentsDir: attachmentsDir(current.dataDir), backupDir: current.backupDir, keep: current.backupKeep })
        req.payload.logger.info({ msg: 'daily backup written', dir, removed })
        return { output: { dir, removed: removed.length } }
      } catch (error) {
        // The job is marked failed by the throw; the log line is what an operator sees.
        req.payload.logger.error({ err: error, msg: 'daily backup failed' })
        throw error
      }
    },
  }
}
