import { mediaPath } from './paths.ts'

/** Addresses of uploaded images and their sharp sizes, for views and for HTML written ahead (src/site/richText.ts). */

export type SizeName = 'card' | 'content' | 'full' | 'thumbnail'
type SizeFile = { filename?: string | null; width?: number | null; height?: number | null }

/** An uploaded image: a read-model image or a Payload media document (the same shape for what is drawn). */
export type ImageLike = {
  alt?: string | null
  filename?: string | null
  width?: number | null
  height?: number | null
  sizes?: Partial<Record<SizeName, SizeFile | undefined>> | null
}

/** Public address of an uploaded image (or one of its sharp sizes), served as a static file. */
export function mediaUrl(media: ImageLike | number | string | null | undefined, size?: SizeName): string | undefined {
  if (!media || typeof media !== 'object') return undefined
  const filename = (size && media.sizes?.[size]?.filename) || media.filename
  return filename ? mediaPath(filename) : undefined
}

export function srcSet(media: ImageLike): string {
  const sizes = media.sizes ?? {}
  return (['thumbnail', 'card', 'content', 'full'] as const)
    .map((name) => sizes[name])
    .filter((size): size is NonNullable<typeof size> => Boolean(size?.filename && size.width))
    .map((size) => `${mediaPath(size.filename!)} ${size.width}w`)
    .join(', ')
}
