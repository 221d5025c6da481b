import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import type { Media } from '../payload-types.ts'

import { storedFileName } from '../documents/files.ts'

const SIZE_NAMES = ['thumbnail', 'card', 'content', 'full'] as const
const SERVER_CHOSEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\d+x\d+)?\.[a-z0-9]+$/

/** Whether an image already has a name the server chose (a UUID, as `chooseFileName` gives). */
export const hasServerChosenName = (filename: string) => SERVER_CHOSEN.test(filename)

type Renamed = { id: Media['id']; from: string; to: string }

/**
 * Gives every image uploaded under its uploader's name ("ket-qua-bau-cu.jpg", from before uploads
 * were renamed, or from a restored old backup) a name the server chooses, so that `/media`, which
 * serves by name, cannot be asked for the photo of an unpublished article by guessing.
 *
 * Each image: the new names are linked to the files first, then the row is updated through
 * Payload (its read-model hook rewrites and purges the published pages that show it). The old
 * names are removed last, once pages cached before the change (`stale-while-revalidate=10`, in
 * this server, nginx or a browser) have had `graceMs` to refresh, so no reader meets a broken
 * image. Names waiting for removal are listed in `PENDING_FILE` first: a run cut short leaves
 * every image reachable under the name its row holds, and running again finishes the work.
 * The image bytes are not touched (no re-encoding).
 */
export async function renameLegacyMedia(
  payload: Payload,
  { mediaDir, graceMs = 15_000, onProgress }: { mediaDir: string; graceMs?: number; onProgress?: (done: number, total: number) => void },
): Promise<{ renamed: Renamed[]; missing: string[]; removed: number }> {
  const pendingFile = path.join(mediaDir, PENDING_FILE)
  const legacy: Media[] = []
  for (let page = 1; ; page++) {
    // server rights: the operator's maintenance command, over every site's images; nothing is served
    const found = await payload.find({ collection: 'media', overrideAccess: true, depth: 0, limit: 500, page, sort: 'id' })
    legacy.push(...found.docs.filter((doc) => doc.filename && !hasServerChosenName(doc.filename)))
    if (!found.hasNextPage) break
  }
  const renamed: Renamed[] = []
  const missing: string[] = []
  for (const [index, media] of legacy.entries()) {
    onProgress?.(index + 1, legacy.length)
    const plan = planNames(media)
    const present = await linkNewNames(mediaDir, plan)
    if (!present) {
      missing.push(media.filename!)
      continue
    }
    // server rights: the operator's maintenance command; only the file names of the row change
    await payload.update({
      collection: 'media',
      id: media.id,
      overrideAccess: true,
      depth: 0,
      data: { filename: plan.original.to, sizes: plan.sizes },
    })
    await fs.appendFile(pendingFile, plan.links.map(({ from }) => `${from}\n`).join(''))
    renamed.push({ id: media.id, from: plan.original.from, to: plan.original.to })
  }
  const removed = await removePending(mediaDir, pendingFile, renamed.length > 0 ? graceMs : 0)
  return { renamed, missing, removed }
}

/** Old names renamed but not yet removed, one per line; a dot file, which `/media` never serves. */
export const PENDING_FILE = '.legacy-names-to-remove'

async function removePending(mediaDir: string, pendingFile: string, graceMs: number): Promise<number> {
  const names = (await fs.readFile(pendingFile, 'utf8').catch(() => '')).split('\n').filter(Boolean)
  if (names.length === 0) return 0
  await new Promise((resolve) => setTimeout(resolve, graceMs))
  // Only plain names inside the media folder: the list is ours, but a path is never followed out.
  const inside = names.filter((name) => name === path.basename(name) && !name.startsWith('.'))
  await Promise.all(inside.map((name) => fs.rm(path.join(mediaDir, name), { force: true })))
  await fs.rm(pendingFile, { force: true })
  return inside.length
}

type SizeName = (typeof SIZE_NAMES)[number]

type Plan = {
  original: { from: string; to: string }
  sizes: Partial<Record<SizeName, { filename: string | null }>>
  /** The original first, then each size (named by `size`). */
  links: { from: string; to: string; size?: SizeName }[]
}

/** Payload names sizes `<base>-<width>x<height>.<ext>`; the new names keep that pattern. */
function planNames(media: Media): Plan {
  const from = media.filename!
  const to = storedFileName(path.extname(from).slice(1).toLowerCase() || 'bin')
  const base = path.parse(to).name
  const links: Plan['links'] = [{ from, to }]
  const sizes: Plan['sizes'] = {}
  for (const name of SIZE_NAMES) {
    const size = media.sizes?.[name]
    if (!size?.filename) continue
    const ext = path.extname(size.filename).toLowerCase()
    const renamedSize = size.width && size.height ? `${base}-${size.width}x${size.height}${ext}` : `${base}-${name}${ext}`
    links.push({ from: size.filename, to: renamedSize, size: name })
    sizes[name] = { filename: renamedSize }
  }
  return { original: { from, to }, sizes, links }
}

/** Links each file under its new name; false (and nothing linked) when the original is missing. */
async function linkNewNames(mediaDir: string, plan: Plan): Promise<boolean> {
  const made: string[] = []
  for (const { from, to, size } of plan.links) {
    try {
      await fs.link(path.join(mediaDir, from), path.join(mediaDir, to))
      made.push(to)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      if (!size) {
        await Promise.all(made.map((name) => fs.rm(path.join(mediaDir, name), { force: true })))
        return false
      }
      // A size whose file is gone: the row stops naming it, and the pages draw the other sizes.
      plan.sizes[size] = { filename: null }
    }
  }
  return true
}
