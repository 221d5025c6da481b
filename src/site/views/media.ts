import type { Media } from '../../payload-types.ts'

type SizeName = keyof NonNullable<Media['sizes']>

/** Public address of an uploaded image (or one of its sharp sizes), served as a static file. */
export function mediaUrl(media: Media | null | undefined, size?: SizeName): string | undefined {
  if (!media || typeof media !== 'object') return undefined
  const filename = (size && media.sizes?.[size]?.filename) || media.filename
  return filename ? `/media/${encodeURIComponent(filename)}` : undefined
}
