import type { Media } from '../../payload-types.ts'
import type { Id, PublicImage } from './records.ts'

/** An uploaded image as the pages draw it (file names and widths of its sizes), or null. */
export function toPublicImage(media: Media | Id | null | undefined): PublicImage | null {
  if (!media || typeof media !== 'object' || !media.filename) return null
  const sizes: PublicImage['sizes'] = {}
  for (const name of ['thumbnail', 'card', 'content', 'full'] as const) {
    const size = media.sizes?.[name]
    if (size?.filename) sizes[name] = { filename: size.filename, width: size.width ?? null, height: size.height ?? null }
  }
  return {
    id: media.id,
    alt: media.alt ?? '',
    caption: media.caption ?? null,
    filename: media.filename,
    mimeType: media.mimeType ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    sizes,
  }
}

