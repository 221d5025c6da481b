import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { bootPortal } from './helpers/bootPortal.ts'
import { HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
const KHOI_THI_DUA = '/bai-viet/khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam'

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
})
afterAll(async () => {
  await portal?.close()
})

const get = (path: string, host = 'localhost') => request(portal.app).get(path).set('Host', host)

describe('home page', () => {
  it('shows featured and latest articles, category blocks, notices, banners and video news of its own site', async () => {
    const res = await get('/')
    expect(res.status).toBe(200)
    expect(res.text).toContain('Tin nổi bật')
    expect(res.text).toContain('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười')
    expect(res.text).toMatch(/<h2 id="cm-thi-dua-khen-thuong"/)
    expect(res.text).toContain('Lịch tiếp công dân định kỳ tháng 12')
    expect(res.text).not.toContain('Thông báo đã hết hạn')
    expect(res.text).toContain(HOABINH.banner.title)
    expect(res.text).toContain(HOABINH.video.title)
    expect(res.text).not.toContain(KONTUM.video.title)
  })

  it('does not load anything from third parties', async () => {
    const res = await get('/')
    const external = [...res.text.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)].map((match) => match[1])
    expect(external.filter((url) => !url!.startsWith('http://localhost'))).toEqual([])
  })
})

describe('article page', () => {
  it('reads like a conference report', async () => {
    const res = await get(KHOI_THI_DUA)
    expect(res.status).toBe(200)
    const html = res.text
    expect(html).toMatch(/<nav class="breadcrumb"[^>]*>.*Trang chủ.*Thi đua khen thưởng/s)
    expect(html).toContain('Thứ Tư, 29/07/2020')
    expect(html).toContain('Ngày đăng: 29/07/2020 16:30')
    expect(html.replace(/<[^>]+>/g, '')).toContain('Lượt xem: 333')
    expect(html).toMatch(/<p class="lead">Chiều 29\/7, Khối thi đua/)
    expect(html).toMatch(/<figure class="article-figure"><img [^>]*srcSet="[^"]+ 240w, [^"]+ 480w/i)
    expect(html).toMatch(/<figcaption>Đồng chí Trưởng khối phát biểu kết luận Hội nghị<span class="credit"> \(Ảnh: Ban Biên tập\)<\/span><\/figcaption>/)
    expect(html).toMatch(/<p class="byline">Đoàn Hương - TTCNTT<\/p>/)
    expect(html).toContain('Nguồn: Ban Biên tập')
    expect(html).toMatch(/<a href="#chu-thich-1"[^>]*>\[1\]<\/a>/)
    expect(html).toMatch(/<li id="chu-thich-1">Kế hoạch số 15-KH\/KTĐ/)
    expect(html).toContain('Quay trở lại')
    expect(html).toContain('In bài viết')
    expect(html).toContain('https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost')
    expect(html).toContain('href="/tu-khoa/hoi-nghi"')
  })

  it('announces itself to search engines and social networks', async () => {
    const html = (await get(KHOI_THI_DUA)).text
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000${KHOI_THI_DUA}"/>`)
    expect(html).toContain('<meta property="og:type" content="article"/>')
    expect(html).toContain('<meta property="og:title" content="Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm"/>')
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"\/>/)
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!)
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm', datePublished: '2020-07-29T09:30:00.000Z', publisher: { name: 'Tỉnh ủy Hòa Bình' } })
  })

  it('has a print view without navigation', async () => {
    const res = await get(`${KHOI_THI_DUA}/ban-in`)
    expect(res.status).toBe(200)
    expect(res.text).toContain('class="print-page"')
    expect(res.text).not.toContain('aria-label="Chuyên mục"')
    expect(res.text).toContain('Khối thi đua các cơ quan Đảng tỉnh')
    expect(res.text).toContain('<meta name="robots" content="noindex"/>')
  })

  it('links authors to their page, which lists their articles', async () => {
    const article = await get('/bai-viet/hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-muoi')
    expect(article.text).toContain('<a href="/tac-gia/bao-minh">Bảo Minh</a>')
    const author = await get('/tac-gia/bao-minh')
    expect(author.status).toBe(200)
    expect(author.text).toContain('Tác giả: Bảo Minh')
    expect(author.text).toContain('Chuyên viên, Văn phòng Tỉnh ủy')
    expect(author.text).toContain('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười')
  })
})

describe('listings', () => {
  it('lists a category with its subcategories, and a tag', async () => {
    const category = await get('/chuyen-muc/tin-tuc')
    expect(category.status).toBe(200)
    expect(category.text).toContain('<h1 class="page-title">Tin tức</h1>')
    // The article sits in the subcategory "Tin trong tỉnh".
    expect(category.text).toContain('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười')
    expect(category.text).toContain('href="/chuyen-muc/tin-tuc/rss.xml"')
    const tag = await get('/tu-khoa/hoi-nghi')
    expect(tag.status).toBe(200)
    expect(tag.text).toContain('Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm')
    expect(tag.text).toContain('Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười')
  })

  it('paginates, and answers bad or past-the-end page numbers with 400/404', async () => {
    expect((await get('/chuyen-muc/tin-tuc?trang=1')).status).toBe(200)
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999', '']) {
      const res = await get(`/chuyen-muc/tin-tuc?trang=${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.text).toContain('Số trang không hợp lệ')
    }
    expect((await get('/chuyen-muc/tin-tuc?trang=2')).status).toBe(404)
    expect((await get('/chuyen-muc/tin-tuc?trang=1&trang=2')).status).toBe(400)
    expect((await get('/chuyen-muc/khong-co')).status).toBe(404)
    expect((await get('/tu-khoa/khong-co')).status).toBe(404)
  })

  it('shows notices until they expire, and the photo library', async () => {
    const notices = await get('/thong-bao')
    expect(notices.text).toContain('Lịch tiếp công dân định kỳ tháng 12')
    expect(notices.text).not.toContain('Thông báo đã hết hạn')
    const photos = await get('/thu-vien-anh')
    expect(photos.status).toBe(200)
    expect(photos.text).toContain('Đồng chí Trưởng khối phát biểu kết luận Hội nghị')
    const filtered = await get('/thu-vien-anh?q=TRUONG+KHOI')
    expect(filtered.text).toMatch(/Đồng chí <mark>Trưởng<\/mark> <mark>khối<\/mark>/)
    expect(filtered.text).not.toContain('Các đại biểu dự Hội nghị')
  })

  it('plays video news on its own page only', async () => {
    const list = await get('/video')
    expect(list.text).toContain(HOABINH.video.title)
    const video = await get('/video/phong-su-dang-bo-tinh-sau-mot-nam-thuc-hien-nghi-quyet')
    expect(video.status).toBe(200)
    expect(video.text).toContain('src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"')
  })
})

describe('feeds and discovery', () => {
  it('publishes RSS 2.0 per site and per category', async () => {
    const site = await get('/rss.xml', '127.0.0.1')
    expect(site.status).toBe(200)
    expect(site.headers['content-type']).toMatch(/application\/rss\+xml/)
    expect(site.text).toContain('<rss version="2.0"')
    expect(site.text).toContain(`<title>${KONTUM.name}</title>`)
    expect(site.text).toContain('<link>http://127.0.0.1:3000/bai-viet/hoi-nghi-so-ket-cong-tac-thi-dua-khen-thuong-6-thang-dau-nam</link>')
    expect(site.text).toContain('<pubDate>Tue, 30 Jun 2020 03:15:00 GMT</pubDate>')
    expect(site.text).not.toContain('Khối thi đua')
    const category = await get('/chuyen-muc/thong-bao/rss.xml', '127.0.0.1')
    expect(category.status).toBe(200)
    expect(category.text).toContain('Thông báo tuyển dụng viên chức năm 2020')
    expect(category.text).not.toContain('Điện Biên và Kon Tum')
  })

  it('lists every published article in the parts of a sitemap index, and points robots.txt to it', async () => {
    const index = await get('/sitemap.xml')
    expect(index.status).toBe(200)
    expect(index.text).toContain('<sitemapindex')
    const parts = [...index.text.matchAll(/<loc>http:\/\/localhost:3000(\/[^<]+)<\/loc>/g)].map((match) => match[1]!)
    expect(parts).toEqual(['/sitemap-trang.xml', '/sitemap-tin-moi.xml', '/sitemap-bai-viet-1.xml'])
    const articles = await get('/sitemap-bai-viet-1.xml')
    expect(articles.text).toContain(`<loc>http://localhost:3000${KHOI_THI_DUA}</loc>`)
    expect(articles.text).not.toContain('du-thao-ke-hoach')
    expect((await get('/sitemap-trang.xml')).text).toContain('<loc>http://localhost:3000/chuyen-muc/tin-tuc</loc>')
    // The organisation's pages (Decree 42), the registers, the citizens' pages and the English section are listed for search engines too.
    for (const path of ['/gioi-thieu', '/co-cau-to-chuc', '/lanh-dao', '/danh-ba', '/nguoi-phat-ngon', '/van-ban', '/hoi-dap', '/lay-y-kien', '/en/', '/en/contacts']) {
      expect((await get('/sitemap-trang.xml')).text).toContain(`<loc>http://localhost:3000${path}</loc>`)
    }
    expect((await get('/sitemap-bai-viet-2.xml')).status).toBe(404)
    const robots = await get('/robots.txt')
    expect(robots.text).toContain('Disallow: /admin')
    expect(robots.text).toContain('Sitemap: http://localhost:3000/sitemap.xml')
  })
})
