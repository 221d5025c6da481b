import sharp, { type SharpOptions } from 'sharp'

/** About 40 megapixels: a large camera photo passes, a decompression bomb does not. */
export const MAX_INPUT_PIXELS = 40_000_000

/**
 * Longest side over shortest side. The thumbnail and card sizes fill a 3:2 frame, so a 1 × 300
 * strip was first scaled to 240 × 72,000, past what the encoder takes (65,500): the upload failed
 * with Payload's generic message. 50:1 still takes any banner a portal uses.
 */
export const MAX_ASPECT_RATIO = 50

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
