import React from 'react'

import { mediaPath } from '../../paths.ts'

type SizeName = 'card' | 'content' | 'full' | 'thumbnail'
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

function srcSet(media: ImageLike): string {
  const sizes = media.sizes ?? {}
  return (['thumbnail', 'card', 'content', 'full'] as const)
    .map((name) => sizes[name])
    .filter((size): size is NonNullable<typeof size> => Boolean(size?.filename && size.width))
    .map((size) => `${mediaPath(size.filename!)} ${size.width}w`)
    .join(', ')
}

type PictureProps = {
  media: ImageLike | number | string | null | undefined
  /** The sharp size used as the fallback `src` and for width/height. */
  size: SizeName
  /** How wide the image is shown, for the browser's choice among the sizes. */
  sizes: string
  alt?: string
  eager?: boolean
}

/** A lazily loaded image with a `srcset` of the sharp sizes, so phones download the small ones. */
export function Picture({ media, size, sizes, alt, eager }: PictureProps) {
  if (!media || typeof media !== 'object') return null
  const fallback = media.sizes?.[size]
  const src = mediaUrl(media, size)
  if (!src) return null
  return (
    <img
      src={src}
      srcSet={srcSet(media) || undefined}
      sizes={sizes}
      width={fallback?.width ?? media.width ?? undefined}
      height={fallback?.height ?? media.height ?? undefined}
      alt={alt ?? media.alt ?? ''}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
