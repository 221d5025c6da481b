/** Public addresses, in one place so views, feeds and the sitemap agree. */
export const articlePath = (slug: string) => `/bai-viet/${slug}`
export const printPath = (slug: string) => `/bai-viet/${slug}/ban-in`
export const categoryPath = (slug: string) => `/chuyen-muc/${slug}`
export const categoryFeedPath = (slug: string) => `/chuyen-muc/${slug}/rss.xml`
export const tagPath = (slug: string) => `/tu-khoa/${slug}`
export const authorPath = (slug: string) => `/tac-gia/${slug}`
export const noticePath = (slug: string) => `/thong-bao/${slug}`
export const videoPath = (slug: string) => `/video/${slug}`
export const SEARCH_PATH = '/tim-kiem'
export const PHOTO_LIBRARY_PATH = '/thu-vien-anh'
export const NOTICES_PATH = '/thong-bao'
export const VIDEOS_PATH = '/video'
export const SITE_FEED_PATH = '/rss.xml'

/** `?trang=N` for pages after the first. */
export function pagePath(path: string, page: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (page > 1) params.set('trang', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
