import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Reading what a saved page brings with it. Pages come from old servers and colleagues' disks:
 * a link in a page's "_files" folder may point anywhere on this machine, and a "page" may be a
 * database dump saved with the wrong extension. Neither may reach the database or fill memory.
 */
export type ReadLimits = { pageBytes: number; imageBytes: number }

/** 10 MB holds any saved article page, inline images included; 20 MB is the upload limit's default (UPLOAD_MAX_BYTES). */
export const DEFAULT_LIMITS: ReadLimits = { pageBytes: 10 * 1024 * 1024, imageBytes: 20 * 1024 * 1024 }

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export type LimitedRead = { bytes: Buffer } | { problem: string }

/** A regular file's bytes, or why they were not read: its size is checked on the open file before reading. */
export async function readLimited(file: string, maxBytes: number): Promise<LimitedRead> {
  const handle = await fs.open(file, 'r')
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { problem: 'not a regular file' }
    if (stat.size > maxBytes) return { problem: `${megabytes(stat.size)}, larger than the ${megabytes(maxBytes)} limit: not read` }
    // Exactly the size checked: a file that grows meanwhile is not read past it.
    const bytes = Buffer.allocUnsafe(stat.size)
    let filled = 0
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return { bytes: bytes.subarray(0, filled) }
  } finally {
    await handle.close()
  }
}

/**
 * The real path of `candidate` (symbolic links followed) when it lies inside the real `folder`;
 * undefined when it does not exist or leads out of it.
 */
export async function realPathInside(folder: string, candidate: string): Promise<string | undefined> {
  const [realFolder, real] = await Promise.all([fs.realpath(folder), fs.realpath(candidate).catch(() => undefined)])
  return real && real.startsWith(realFolder + path.sep) ? real : undefined
}
