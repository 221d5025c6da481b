import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { paragraphsToLexical } from '../src/lib/lexical.ts'
import { highlight } from '../src/search/highlight.ts'
import { parseSearchQuery } from '../src/search/query.ts'
import { rankScore } from '../src/search/searchArticles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, KONTUM } from './helpers/demo.ts'

let portal: Portal
let kontum: Site

const search = (q: string, extra = '') => request(portal.app).get(`/tim-kiem?q=${encodeURIComponent(q)}${extra}`).set('Host', '127.0.0.1')
const resultTitles = (html: string) => [...html.matchAll(/<h2 class="card-title"><a href="\/bai-viet\/([^"]+)"/g)].map((match) => match[1])

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  kontum = await findSite(portal.payload, KONTUM.key)
  // Body-only and lead-only matches, older and newer, to check ranking and the fields searched.
  const make = (title: string, slug: string, lead: string, body: string, publishedAt: string) =>
    portal.payload.create({
      collection: 'articles',
      data: { title, slug, lead, body: paragraphsToLexical([body]), site: kontum.id, publishedAt, _status: 'published' },
    })
  await make('Tin văn hóa', 'tin-van-hoa', 'Lễ hội cồng chiêng.', 'Đoàn nghệ nhân từ Điện Biên giao lưu.', '2021-01-01T00:00:00.000Z')
  await make('Tin kinh tế', 'tin-kinh-te', 'Hợp tác với Điện Biên về nông nghiệp.', 'Ký kết biên bản ghi nhớ.', '2021-02-01T00:00:00.000Z')
  await portal.payload.create({
    collection: 'articles',
    data: { title: 'Bản nháp về Điện Biên', slug: 'ban-nhap-dien-bien', site: kontum.id, _status: 'draft' },
    draft: true,
  })
})
afterAll(async () => {
  await portal?.close()
})

describe('accent-insensitive search', () => {
  it('finds "Điện Biên" whatever the spelling of the query', async () => {
    const spellings = ['dien bien', 'Điện Biên', 'ĐIỆN BIÊN', 'Điện Biên'.normalize('NFD'), '  DIEN   bien ']
    const results = await Promise.all(spellings.map((q) => search(q)))
    for (const res of results) expect(res.status).toBe(200)
    const lists = results.map((res) => resultTitles(res.text))
    expect(lists[0]).toContain('dien-bien-va-kon-tum-trao-doi-kinh-nghiem-chuyen-doi-so')
    for (const list of lists) expect(list).toEqual(lists[0])
  })

  it('searches title, lead and body, ranks title matches first, and never shows drafts', async () => {
    const slugs = resultTitles((await search('dien bien')).text)
    expect(slugs[0]).toBe('dien-bien-va-kon-tum-trao-doi-kinh-nghiem-chuyen-doi-so')
    expect(slugs).toContain('tin-van-hoa')
    expect(slugs).toContain('tin-kinh-te')
    expect(slugs).not.toContain('ban-nhap-dien-bien')
    // The rest newest first.
    expect(slugs.indexOf('tin-kinh-te')).toBeLessThan(slugs.indexOf('tin-van-hoa'))
  })

  it('highlights the matched words in their original spelling', async () => {
    const res = await search('dien bien')
    expect(res.text).toContain('<mark>Điện</mark> <mark>Biên</mark> và Kon Tum')
  })

  it('matches whole words from their start: "hoi" finds "hội", not "khối"', async () => {
    const slugs = resultTitles((await search('hoi')).text)
    expect(slugs).toContain('hoi-nghi-so-ket-cong-tac-thi-dua-khen-thuong-6-thang-dau-nam')
    expect(highlight('Khối thi đua tổ chức hội nghị', ['hoi']).filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['hội'])
  })

  it('matches a word of one letter or digit whole: "6 tháng" does not find "60 ngày"', async () => {
    const make = (title: string, slug: string, publishedAt: string) =>
      portal.payload.create({ collection: 'articles', data: { title, slug, site: kontum.id, publishedAt, _status: 'published' } })
    await make('Kế hoạch kiểm tra 6 tháng cuối năm', 'ke-hoach-kiem-tra-6-thang', '2021-03-01T00:00:00.000Z')
    await make('Kế hoạch kiểm tra 60 ngày cao điểm', 'ke-hoach-kiem-tra-60-ngay', '2021-03-02T00:00:00.000Z')
    const slugs = resultTitles((await search('kiem tra 6')).text)
    expect(slugs).toContain('ke-hoach-kiem-tra-6-thang')
    expect(slugs).not.toContain('ke-hoach-kiem-tra-60-ngay')
    // Longer words still match the start of a word.
    expect(resultTitles((await search('kiem tra 60')).text)).toContain('ke-hoach-kiem-tra-60-ngay')
    expect(highlight('Đợt 60 ngày và 6 tháng', ['6']).filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['6'])
    expect(rankScore(' ke hoach 60 ngay ', ['ke', '6'])).toBe(1)
  })

  it('ranks only the newest 200 matches and says there are more', async () => {
    const many = Array.from({ length: 201 }, (_, index) => ({
      title: `Bản tin thời sự số ${index + 1}`,
      slug: `ban-tin-thoi-su-so-${index + 1}`,
      site: kontum.id,
      publishedAt: new Date(Date.UTC(2019, 0, 1) + index * 3_600_000).toISOString(),
      _status: 'published' as const,
    }))
    for (const data of many) await portal.payload.create({ collection: 'articles', data })
    const first = await search('ban tin thoi su')
    expect(first.text).toContain('Tìm thấy 200+ bài viết.')
    // Newest first among equal titles; the oldest, 201st match is past the ranked 200.
    expect(resultTitles(first.text)[0]).toBe('ban-tin-thoi-su-so-201')
    const last = await search('ban tin thoi su', '&trang=20')
    expect(last.status).toBe(200)
    expect(resultTitles(last.text).at(-1)).toBe('ban-tin-thoi-su-so-2')
    expect((await search('ban tin thoi su', '&trang=21')).status).toBe(404)
  }, 120_000)

  it('searches only the site of the host', async () => {
    // The Hòa Bình article is found on its own host, and not on Kon Tum's.
    const onHoaBinh = await search('khoi thi dua').set('Host', 'localhost')
    expect(resultTitles(onHoaBinh.text)).toContain('khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam')
    const onKonTum = await search('khoi thi dua')
    expect(onKonTum.status).toBe(200)
    expect(resultTitles(onKonTum.text)).not.toContain('khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam')
    // Kon Tum's own articles are still found there, so the search itself works.
    expect(resultTitles((await search('dien bien')).text).length).toBeGreaterThanOrEqual(3)
  })

  it('paginates and refuses bad input with 400, never 500', async () => {
    expect((await search('dien bien', '&trang=1')).status).toBe(200)
    expect((await search('dien bien', '&trang=9')).status).toBe(404)
    expect((await search('dien bien', '&trang=x')).status).toBe(400)
    const long = await search('a'.repeat(201))
    expect(long.status).toBe(400)
    expect(long.text).toContain('Từ khóa quá dài')
    expect((await request(portal.app).get('/tim-kiem?q=a&q=b').set('Host', '127.0.0.1')).status).toBe(400)
    expect((await request(portal.app).get('/tim-kiem?q=%E0%A4%A').set('Host', '127.0.0.1')).status).toBeLessThan(500)
    for (const odd of ['%25', '_', "' OR 1=1 --", '.*', '<script>', '\u0000']) {
      const res = await search(odd)
      expect(res.status, odd).toBeLessThan(500)
      expect(res.text).not.toContain('<script>')
    }
    expect((await search('')).status).toBe(200)
  })
})

describe('search helpers', () => {
  it('parses queries to folded words', () => {
    expect(parseSearchQuery('  Hội nghị   ĐẢNG bộ ').words).toEqual(['hoi', 'nghi', 'dang', 'bo'])
    expect(parseSearchQuery('Điện Biên'.normalize('NFD')).text).toBe('Điện Biên')
  })

  it('ranks a phrase in the title above scattered words', () => {
    expect(rankScore(' dien bien va kon tum ', ['dien', 'bien'])).toBe(3)
    expect(rankScore(' bien gioi dien luc ', ['dien', 'bien'])).toBe(2)
    expect(rankScore(' dien luc ', ['dien', 'bien'])).toBe(1)
    expect(rankScore(' tin van hoa ', ['dien', 'bien'])).toBe(0)
  })
})
