import fs from 'node:fs'
import path from 'node:path'

import { listFiles, sha256File } from './files.ts'
import { MEDIA_FOLDER, readManifest, type Manifest } from './manifest.ts'

/**
 * Checks a backup folder against its manifest without restoring it: the database file and every
 * media file present with the recorded SHA-256, and no media file the manifest does not list.
 * Returns the problems found (none: the backup is whole).
 */
export async function verifyBackup(dir: string): Promise<{ manifest: Manifest; problems: string[] }> {
  const manifest = readManifest(dir)
  const problems: string[] = []
  const databaseFile = path.join(dir, manifest.database.file)
  if (!fs.existsSync(databaseFile)) problems.push(`database file ${manifest.database.file} is missing`)
  else if ((await sha256File(databaseFile)) !== manifest.database.sha256) problems.push(`database file ${manifest.database.file} does not match its checksum`)
  const mediaDir = path.join(dir, MEDIA_FOLDER)
  const listed = new Set(manifest.media.map((entry) => entry.path))
  for (const entry of manifest.media) {
    const file = path.join(mediaDir, entry.path)
    if (!fs.existsSync(file)) problems.push(`media file ${entry.path} is missing`)
    else if ((await sha256File(file)) !== entry.sha256) problems.push(`media file ${entry.path} does not match its checksum`)
  }
  for (const file of listFiles(mediaDir)) if (!listed.has(file)) problems.push(`media file ${file} is not in the manifest`)
  return { manifest, problems }
}
