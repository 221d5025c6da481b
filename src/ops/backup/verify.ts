import fs from 'node:fs'
import path from 'node:path'

import { listFiles, sha256File } from './files.ts'
import { ATTACHMENTS_FOLDER, MEDIA_FOLDER, readManifest, type Manifest, type MediaEntry } from './manifest.ts'

/**
 * Checks a backup folder against its manifest without restoring it: the database file and every
 * media file and attachment present with the recorded SHA-256, and no file the manifest does not
 * list. Returns the problems found (none: the backup is whole).
 */
export async function verifyBackup(dir: string): Promise<{ manifest: Manifest; problems: string[] }> {
  const manifest = readManifest(dir)
  const problems: string[] = []
  const databaseFile = path.join(dir, manifest.database.file)
  if (!fs.existsSync(databaseFile)) problems.push(`database file ${manifest.database.file} is missing`)
  else if ((await sha256File(databaseFile)) !== manifest.database.sha256) problems.push(`database file ${manifest.database.file} does not match its checksum`)
  problems.push(...(await checkFolder(path.join(dir, MEDIA_FOLDER), manifest.media, 'media file')))
  problems.push(...(await checkFolder(path.join(dir, ATTACHMENTS_FOLDER), manifest.attachments ?? [], 'attachment')))
  return { manifest, problems }
}

async function checkFolder(folder: string, entries: MediaEntry[], label: string): Promise<string[]> {
  const problems: string[] = []
  const listed = new Set(entries.map((entry) => entry.path))
  for (const entry of entries) {
    const file = path.join(folder, entry.path)
    if (!fs.existsSync(file)) problems.push(`${label} ${entry.path} is missing`)
    else if ((await sha256File(file)) !== entry.sha256) problems.push(`${label} ${entry.path} does not match its checksum`)
  }
  for (const file of listFiles(folder)) if (!listed.has(file)) problems.push(`${label} ${file} is not in the manifest`)
  return problems
}
