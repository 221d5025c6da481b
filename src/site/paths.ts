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

/** The same addresses as Express route patterns. */
export const ROUTES = {
  article: '/bai-viet/:slug',
  articlePrint: '/bai-viet/:slug/ban-in',
  articleViews: '/bai-viet/:slug/luot-xem',
  category: '/chuyen-muc/:slug',
  categoryFeed: '/chuyen-muc/:slug/rss.xml',
  tag: '/tu-khoa/:slug',
  author: '/tac-gia/:slug',
  notice: '/thong-bao/:slug',
  video: '/video/:slug',
  sitemapArticles: '/sitemap-bai-viet-:part.xml',
} as const

/** `?trang=N` for pages after the first. */
export function pagePath(path: string, page: number, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra)
  if (page > 1) params.set('trang', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
export const HOME_PATH = '/'
export const ROBOTS_PATH = '/robots.txt'
/** The sitemap index, and its parts: fixed pages, articles in numbered parts, news of the last two days. */
export const SITEMAP_PATH = '/sitemap.xml'
export const SITEMAP_PAGES_PATH = '/sitemap-trang.xml'
export const SITEMAP_NEWS_PATH = '/sitemap-tin-moi.xml'
export const sitemapArticlesPath = (part: number) => `/sitemap-bai-viet-${part}.xml`
/** Current "Lượt xem" of an article, for pages served from the cache. */
export const articleViewsPath = (slug: string) => `/bai-viet/${slug}/luot-xem`

/** Static files: the site's own scripts and styles, and uploaded media. */
export const ASSETS_PATH = '/assets'
export const MEDIA_PATH = '/media'
export const assetPath = (file: string) => `${ASSETS_PATH}/${file}`
export const mediaPath = (filename: string) => `${MEDIA_PATH}/${encodeURIComponent(filename)}`
export const videoFilePath = (filename: string) => `${MEDIA_PATH}/videos/${encodeURIComponent(filename)}`

/** Whether an address is an article page (for boxes shown on article pages only). */
export const isArticlePath = (path: string) => path.startsWith('/bai-viet/')

/** The current visit statistics, for the box's script. */
export const VISIT_STATS_PATH = '/thong-ke-truy-cap.json'

/** Opinion polls. */
export const POLLS_PATH = '/tham-do'
export const pollPath = (slug: string) => `${POLLS_PATH}/${slug}`
export const pollResultsPath = (slug: string) => `${pollPath(slug)}/ket-qua`
export const pollChallengePath = (slug: string) => `${pollPath(slug)}/ma-xac-nhan`
export const pollStatePath = (slug: string) => `${pollPath(slug)}/trang-thai`
export const pollVotePath = (slug: string) => `${pollPath(slug)}/binh-chon`
