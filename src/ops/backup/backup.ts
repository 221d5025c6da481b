import fs from 'node:fs'
import path from 'node:path'

import { databaseKind } from '../../db/adapter.ts'
import { createProgress } from '../../import/progress.ts'
import { OpsError } from '../errors.ts'
import { copyWithChecksum, listFiles, sha256File } from './files.ts'
import { ATTACHMENTS_FOLDER, MANIFEST_FORMAT, MEDIA_FOLDER, writeManifest, type Manifest, type MediaEntry } from './manifest.ts'
import { snapshotPostgres } from './postgres.ts'
import { snapshotSqlite } from './sqlite.ts'

export type BackupOptions = {
  databaseUrl: string
  mediaDir: string
  /** Citizens' attachments (src/participation/storage.ts); copied beside the media. */
  attachmentsDir?: string
  /** The folder that receives the dated backup folder. */
  out: string
  progress?: boolean
  now?: Date
}

/** `cong-tin-20261204-123000`: sorts by date, no characters a shell or Windows dislikes. */
export function backupName(now: Date): string {
  return `cong-tin-${now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-')}`
}

/**
 * Writes one dated backup folder: a consistent copy of the database, the media files, citizens'
 * attachments and a manifest. Everything goes into `<name>.partial` and is renamed at the end, so
 * a folder with the final name is always complete; a failure removes the partial folder.
 */
export async function createBackup({ databaseUrl, mediaDir, attachmentsDir, out, progress = false, now = new Date() }: BackupOptions): Promise<{ dir: string; manifest: Manifest }> {
  const kind = databaseKind(databaseUrl)
  if (kind === 'mongodb') throw new OpsError('backups of MongoDB are not supported by this command: use mongodump and copy the media folder')
  const dir = path.join(path.resolve(out), backupName(now))
  if (fs.existsSync(dir)) throw new OpsError(`${dir} already exists`)
  const partial = `${dir}.partial`
  fs.rmSync(partial, { recursive: true, force: true })
  fs.mkdirSync(partial, { recursive: true })
  try {
    const file = kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump'
    const databaseCopy = path.join(partial, file)
    const tables = kind === 'sqlite' ? await snapshotSqlite(databaseUrl, databaseCopy) : await snapshotPostgres(databaseUrl, databaseCopy)
    // Media after the database: a file added meanwhile is copied without harm; one the copy refers to is there.
    const media = await copyFiles(mediaDir, path.join(partial, MEDIA_FOLDER), progress)
    const attachments = attachmentsDir ? await copyFiles(attachmentsDir, path.join(partial, ATTACHMENTS_FOLDER), progress) : []
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      database: { kind, file, bytes: fs.statSync(databaseCopy).size, sha256: await sha256File(databaseCopy), tables },
      media,
      attachments,
    }
    writeManifest(partial, manifest)
    fs.renameSync(partial, dir)
    return { dir, manifest }
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true })
    throw error
  }
}

/** Copies a folder's files, with each one's size and SHA-256 for the manifest. */
async function copyFiles(from: string, to: string, progress: boolean): Promise<MediaEntry[]> {
  const files = listFiles(from)
  const bar = createProgress(files.length, progress, process.stderr, 'tệp')
  const entries: MediaEntry[] = []
  fs.mkdirSync(to, { recursive: true })
  for (const file of files) {
    const target = path.join(to, file)
    const sha256 = await copyWithChecksum(path.join(from, file), target)
    entries.push({ path: file, bytes: fs.statSync(target).size, sha256 })
    bar.tick()
  }
  bar.done()
  return entries
}
