import React from 'react'

import { type ImageLike, mediaUrl, type SizeName, srcSet } from '../../images.ts'

export { type ImageLike, mediaUrl }

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
