import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseKind } from '../../db/adapter.ts'

import { OpsError } from '../errors.ts'

export const MANIFEST_FILE = 'manifest.json'
export const MEDIA_FOLDER = 'media'
export const ATTACHMENTS_FOLDER = 'attachments'
export const MANIFEST_FORMAT = 1

export type MediaEntry = { path: string; bytes: number; sha256: string }

/** What a backup folder holds; written last, so a folder without it is not a backup. */
export type Manifest = {
  format: typeof MANIFEST_FORMAT
  createdAt: string
  database: {
    kind: Exclude<DatabaseKind, 'mongodb'>
    /** The file in the backup folder: a SQLite database or a `pg_dump -Fc` archive. */
    file: string
    bytes: number
    sha256: string
    /** Rows per table at the moment of the copy. */
    tables: Record<string, number>
  }
  media: MediaEntry[]
  /** Citizens' attachments (kept outside the media folder, never served); absent in older backups. */
  attachments?: MediaEntry[]
}

export function writeManifest(dir: string, manifest: Manifest): void {
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file)) throw new OpsError(`${dir} is not a complete backup: ${MANIFEST_FILE} is missing`)
  let manifest: Manifest
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
  } catch {
    throw new OpsError(`${file} is not valid JSON`)
  }
  if (manifest.format !== MANIFEST_FORMAT || !manifest.database?.file || !Array.isArray(manifest.media)) {
    throw new OpsError(`${file} is not a backup manifest of format ${MANIFEST_FORMAT}`)
  }
  return manifest
}
