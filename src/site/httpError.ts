/** An error a reader may see: its status and a Vietnamese message, never a stack trace. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message = 'Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.') =>
  new HttpError(404, 'Không tìm thấy trang', message)

export const badRequest = (message: string) => new HttpError(400, 'Yêu cầu không hợp lệ', message)
