/** An error a reader may see: its status and a message in the page's language, never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    /** The language of `title` and `message`: Vietnamese, or English for the English section. */
    readonly language: 'en' | 'vi' = 'vi',
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message = 'Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.') =>
  new HttpError(404, 'Không tìm thấy trang', message)

export const badRequest = (message: string) => new HttpError(400, 'Yêu cầu không hợp lệ', message)
