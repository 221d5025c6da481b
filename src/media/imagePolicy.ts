import sharp, { type SharpOptions } from 'sharp'

/** About 40 megapixels: a large camera photo passes, a decompression bomb does not. */
export const MAX_INPUT_PIXELS = 40_000_000

export const ALLOWED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

/**
 * sharp as Payload should call it: a pixel ceiling and refusal of damaged files.
 * Payload calls `sharp(input)` without options, so the defaults are set here.
 */
export const guardedSharp = Object.assign(
  (input?: Parameters<typeof sharp>[0], options?: SharpOptions) =>
    sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', ...options }),
  sharp,
) as typeof sharp
