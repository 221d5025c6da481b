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

/** The organisation (src/organisation): introduction, structure, leaders, contacts, spokesperson. */
export const INTRODUCTION_PATH = '/gioi-thieu'
export const STRUCTURE_PATH = '/co-cau-to-chuc'
export const unitPath = (slug: string) => `${STRUCTURE_PATH}/${slug}`
export const LEADERS_PATH = '/lanh-dao'
export const DIRECTORY_PATH = '/danh-ba'
export const SPOKESPERSON_PATH = '/nguoi-phat-ngon'
export const ORGANISATION_ROUTES = { unit: `${STRUCTURE_PATH}/:slug` } as const
/** The leaders' work schedule (src/schedule): a week's page, its printable view and the iCalendar feed. */
export const SCHEDULE_PATH = '/lich-cong-tac'
export const SCHEDULE_PRINT_PATH = `${SCHEDULE_PATH}/ban-in`
export const SCHEDULE_FEED_PATH = `${SCHEDULE_PATH}.ics`
/** The week's query parameter: `?tuan=2026-W50`. */
export const SCHEDULE_WEEK_PARAM = 'tuan'
const withWeek = (path: string, week?: string) => (week ? `${path}?${SCHEDULE_WEEK_PARAM}=${week}` : path)
export const schedulePath = (week?: string) => withWeek(SCHEDULE_PATH, week)
export const schedulePrintPath = (week?: string) => withWeek(SCHEDULE_PRINT_PATH, week)
export const scheduleFeedPath = (week?: string) => withWeek(SCHEDULE_FEED_PATH, week)
/** The documents register ("Văn bản"). */
export const DOCUMENTS_PATH = '/van-ban'
export const DOCUMENTS_FEED_PATH = '/van-ban/rss.xml'
export const documentPath = (slug: string) => `${DOCUMENTS_PATH}/${slug}`
export const documentFilePath = (slug: string, filename: string) => `${documentPath(slug)}/tep/${encodeURIComponent(filename)}`
export const DOCUMENT_ROUTES = { document: '/van-ban/:slug', file: '/van-ban/:slug/tep/:filename' } as const
/** Citizens' questions ("Hỏi đáp"): the form, its captcha and the private follow-up page. */
export const QUESTIONS_PATH = '/hoi-dap'
export const ASK_QUESTION_PATH = `${QUESTIONS_PATH}/gui-cau-hoi`
export const ASK_QUESTION_CHALLENGE_PATH = `${ASK_QUESTION_PATH}/ma-xac-nhan`
export const FOLLOW_UP_ROUTE = `${QUESTIONS_PATH}/tra-cuu/:token`
export const followUpPath = (token: string) => `${QUESTIONS_PATH}/tra-cuu/${token}`
export const QUESTION_ROUTE = `${QUESTIONS_PATH}/:slug`
export const questionPath = (slug: string) => `${QUESTIONS_PATH}/${slug}`
/** Citizens' feedback ("Góp ý"): the form and its captcha. */
export const FEEDBACK_PATH = '/gop-y'
export const FEEDBACK_CHALLENGE_PATH = `${FEEDBACK_PATH}/ma-xac-nhan`
/** The English section (src/english, Decree 42/2022 Art. 7(2)): the organisation's pages in English. */
export const EN_HOME_PATH = '/en/'
export const EN_STRUCTURE_PATH = '/en/structure'
export const enUnitPath = (slug: string) => `${EN_STRUCTURE_PATH}/${slug}`
export const EN_LEADERS_PATH = '/en/leaders'
export const EN_DIRECTORY_PATH = '/en/contacts'
export const EN_SPOKESPERSON_PATH = '/en/spokesperson'
export const EN_ROUTES = { home: '/en', unit: `${EN_STRUCTURE_PATH}/:slug` } as const
/** Whether a path is in the English section, whose error pages are in English too. */
export const isEnglishPath = (path: string) => path === '/en' || path.startsWith('/en/')

/** Pages that exist in both languages, Vietnamese first. */
const LANGUAGE_PAIRS: [string, string][] = [
  [INTRODUCTION_PATH, EN_HOME_PATH],
  [STRUCTURE_PATH, EN_STRUCTURE_PATH],
  [LEADERS_PATH, EN_LEADERS_PATH],
  [DIRECTORY_PATH, EN_DIRECTORY_PATH],
  [SPOKESPERSON_PATH, EN_SPOKESPERSON_PATH],
]
const UNIT_PATH_VI = /^\/co-cau-to-chuc\/([a-z0-9-]+)$/
const UNIT_PATH_EN = /^\/en\/structure\/([a-z0-9-]+)$/

/** The Vietnamese and English addresses of a page that has both, from either; undefined for the others. */
export function languageVersionsOf(path: string): { vi: string; en: string } | undefined {
  const bare = path === '/en' ? EN_HOME_PATH : path
  const pair = LANGUAGE_PAIRS.find(([vi, en]) => vi === bare || en === bare)
  if (pair) return { vi: pair[0], en: pair[1] }
  const slug = UNIT_PATH_VI.exec(bare)?.[1] ?? UNIT_PATH_EN.exec(bare)?.[1]
  return slug ? { vi: unitPath(slug), en: enUnitPath(slug) } : undefined
}
/** Drafts put out for comment ("Lấy ý kiến dự thảo"): the list, a draft's page, its comment form, captcha and files. */
export const CONSULTATIONS_PATH = '/lay-y-kien'
export const consultationPath = (slug: string) => `${CONSULTATIONS_PATH}/${slug}`
export const consultationCommentPath = (slug: string) => `${consultationPath(slug)}/gui-y-kien`
export const consultationChallengePath = (slug: string) => `${consultationPath(slug)}/ma-xac-nhan`
export const consultationFilePath = (slug: string, filename: string) => `${consultationPath(slug)}/tep/${encodeURIComponent(filename)}`
export const CONSULTATION_ROUTES = {
  consultation: `${CONSULTATIONS_PATH}/:slug`,
  comment: `${CONSULTATIONS_PATH}/:slug/gui-y-kien`,
  challenge: `${CONSULTATIONS_PATH}/:slug/ma-xac-nhan`,
  file: `${CONSULTATIONS_PATH}/:slug/tep/:filename`,
} as const
