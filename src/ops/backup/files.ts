import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/** SHA-256 of a file, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

/** Files under `dir`, as paths relative to it with forward slashes, sorted; dotfiles skipped. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const found: string[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) found.push(child)
    }
  }
  walk('')
  return found.sort()
}

/** Copies a file into place (creating its folder) and returns the SHA-256 of what was written. */
export async function copyWithChecksum(from: string, to: string): Promise<string> {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  await fs.promises.copyFile(from, to)
  return sha256File(to)
}
