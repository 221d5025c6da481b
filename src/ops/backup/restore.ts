import fs from 'node:fs'
import path from 'node:path'

import { databaseKind } from '../../db/adapter.ts'
import { createProgress } from '../../import/progress.ts'
import { OpsError } from '../errors.ts'
import { copyWithChecksum, listFiles } from './files.ts'
import { ATTACHMENTS_FOLDER, MEDIA_FOLDER, type Manifest, type MediaEntry } from './manifest.ts'
import { postgresIsEmpty, postgresTableCounts, restorePostgres } from './postgres.ts'
import { sqliteFile } from '../../db/sqliteConnection.ts'
import { restoreSqlite, sqliteIntegrity, sqliteIsEmpty, sqliteTableCounts } from './sqlite.ts'
import { verifyBackup } from './verify.ts'

export type RestoreOptions = {
  dir: string
  databaseUrl: string
  mediaDir: string
  /** Where citizens' attachments go (src/participation/storage.ts). */
  attachmentsDir?: string
  /** Replace a database, media or attachments folder that is not empty. */
  force?: boolean
  progress?: boolean
}

export type RestoreSummary = { manifest: Manifest; rows: number; tables: number; mediaFiles: number; mediaBytes: number; attachmentFiles: number }

/**
 * Restores a backup into an empty database, media folder and attachments folder (or replaces them
 * with `force`): checks the backup against its manifest first, then the restored row counts
 * against the manifest's.
 * Derived data (the read model) is rebuilt by the caller, which starts Payload on the result.
 */
export async function restoreBackup({ dir, databaseUrl, mediaDir, attachmentsDir, force = false, progress = false }: RestoreOptions): Promise<RestoreSummary> {
  const { manifest, problems } = await verifyBackup(dir)
  if (problems.length) throw new OpsError(`the backup is damaged, nothing restored: ${problems.join('; ')}`)
  const kind = databaseKind(databaseUrl)
  if (kind !== manifest.database.kind) throw new OpsError(`this is a ${manifest.database.kind} backup; DATABASE_URL points to ${kind}`)
  const sqlite = kind === 'sqlite'
  if (!force) {
    if (!(sqlite ? await sqliteIsEmpty(databaseUrl) : await postgresIsEmpty(databaseUrl))) {
      throw new OpsError('the database is not empty: restore refuses to overwrite it (add --force to replace it)')
    }
    for (const folder of [mediaDir, attachmentsDir]) {
      if (folder && listFiles(folder).length) throw new OpsError(`the folder ${folder} is not empty: restore refuses to overwrite it (add --force to replace it)`)
    }
  }

  const databaseCopy = path.join(dir, manifest.database.file)
  if (sqlite) restoreSqlite(databaseCopy, databaseUrl)
  else await restorePostgres(databaseCopy, databaseUrl, { replace: force })
  const counts = sqlite ? await sqliteTableCounts(sqliteFile(databaseUrl)) : await postgresTableCounts(databaseUrl)
  const differences = Object.entries(manifest.database.tables)
    .filter(([table, rows]) => counts[table] !== rows)
    .map(([table, rows]) => `${table}: ${counts[table] ?? 'missing'} rows, manifest ${rows}`)
  if (differences.length) throw new OpsError(`the restored database differs from the manifest: ${differences.join('; ')}`)
  if (sqlite) {
    const integrity = await sqliteIntegrity(databaseUrl)
    if (integrity !== 'ok') throw new OpsError(`SQLite integrity check failed: ${integrity}`)
  }

  const attachments = manifest.attachments ?? []
  if (attachments.length && !attachmentsDir) throw new OpsError('the backup holds attachments but no folder was given for them')
  if (force) {
    emptyFolder(mediaDir)
    if (attachmentsDir) emptyFolder(attachmentsDir)
  }
  const bar = createProgress(manifest.media.length + attachments.length, progress, process.stderr, 'tệp')
  const copyAll = async (entries: MediaEntry[], from: string, to: string) => {
    for (const entry of entries) {
      const sha256 = await copyWithChecksum(path.join(from, entry.path), path.join(to, entry.path))
      if (sha256 !== entry.sha256) throw new OpsError(`file ${entry.path} was damaged while copying`)
      bar.tick()
    }
  }
  await copyAll(manifest.media, path.join(dir, MEDIA_FOLDER), mediaDir)
  if (attachmentsDir) await copyAll(attachments, path.join(dir, ATTACHMENTS_FOLDER), attachmentsDir)
  bar.done()
  return {
    manifest,
    rows: Object.values(counts).reduce((sum, rows) => sum + rows, 0),
    tables: Object.keys(counts).length,
    mediaFiles: manifest.media.length,
    mediaBytes: manifest.media.reduce((sum, entry) => sum + entry.bytes, 0),
    attachmentFiles: attachments.length,
  }
}

/** Removes what a files folder holds, keeping dotfiles such as `.gitkeep`. */
function emptyFolder(dir: string): void {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir)) if (!entry.startsWith('.')) fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
}
