import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'
import sharp from 'sharp'

import { MAX_ASPECT_RATIO, MAX_INPUT_PIXELS } from '../../../src/media/imagePolicy.ts'

/**
 * Reads only the image header, before Payload decodes anything, and refuses
 * pixel floods, unreadable files and strips too thin to cut the sizes from, with a message an
 * editor understands.
 */
export const rejectOversizedImages: CollectionBeforeOperationHook = async ({ operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return
  let width = 0
  let height = 0
  try {
    const metadata = await sharp(file.data, { limitInputPixels: false }).metadata()
    width = metadata.width ?? 0
    height = metadata.height ?? 0
  } catch {
    throw new APIError('Tệp không phải ảnh hợp lệ hoặc đã bị hỏng.', 400, undefined, true)
  }
  if (width * height > MAX_INPUT_PIXELS) {
    const megapixels = ((width * height) / 1e6).toLocaleString('vi-VN', { maximumFractionDigits: 1 })
    throw new APIError(
      `Ảnh quá lớn: ${width}×${height} (${megapixels} triệu điểm ảnh); tối đa ${MAX_INPUT_PIXELS / 1e6} triệu điểm ảnh.`,
      413,
      undefined,
      true,
    )
  }
  if (Math.max(width, height) > MAX_ASPECT_RATIO * Math.min(width, height)) {
    throw new APIError(
      `Ảnh ${width}×${height} quá dài hoặc quá hẹp: cạnh dài nhất được gấp tối đa ${MAX_ASPECT_RATIO} lần cạnh ngắn. Hãy cắt ảnh rồi tải lên lại.`,
      400,
      undefined,
      true,
    )
  }
}
