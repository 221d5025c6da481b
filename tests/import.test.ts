import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../src/payload-types.ts'
import type { PageResult } from '../src/import/runImport.ts'

import { captionedPhotos, lexicalPlainText } from '../src/lib/lexical.ts'
import { collectPages, runImport } from '../src/import/runImport.ts'
import { loadTarget } from '../src/import/target.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'

const FIXTURES = path.join(import.meta.dirname, 'fixtures/legacy')
const TOOLBARS = path.join(import.meta.dirname, 'fixtures/legacy-toolbars')

let portal: Portal
let payload: Payload

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  payload = portal.payload
})
afterAll(async () => {
  await portal?.close()
})

type ImportOptions = { publish?: boolean; publishAll?: boolean; dryRun?: boolean; category?: string; write?: (text: string) => void }

async function importInto(site: string, inputs: string[], options: ImportOptions = {}) {
  const target = await loadTarget(payload, {
    site,
    category: options.category,
    publish: options.publish ?? false,
    publishAll: options.publishAll,
    dryRun: options.dryRun ?? false,
  })
  return runImport(payload, { files: await collectPages(inputs), target, write: options.write })
}

const byFile = (results: PageResult[], name: string) => results.find((result) => path.basename(result.file) === name)!

async function imported(name: string, results: PageResult[]): Promise<Article> {
  const id = byFile(results, name).outcome.articleId
  expect(id).toBeDefined()
  return payload.findByID({ collection: 'articles', id: id!, draft: true, depth: 1 })
}

async function counts() {
  const [articles, media, captions] = await Promise.all([
    payload.count({ collection: 'articles' }),
    payload.count({ collection: 'media' }),
    payload.count({ collection: 'captions' }),
  ])
  return { articles: articles.totalDocs, media: media.totalDocs, captions: captions.totalDocs }
}

describe('importing legacy pages', () => {
  let first: PageResult[]
  let before: Awaited<ReturnType<typeof counts>>

  beforeAll(async () => {
    before = await counts()
    first = await importInto('hoabinh', [FIXTURES])
  })

  it('creates one draft article per readable page and reports the undecodable one', async () => {
    expect(first.map((result) => [path.basename(result.file), result.outcome.status])).toEqual([
      ['mojibake.txt', 'failed'],
      ['dotnetnuke.html', 'created'],
      ['liferay-vni.html', 'created'],
      ['nfd.txt', 'created'],
      ['plain.txt', 'created'],
      ['sharepoint.html', 'created'],
      ['tcvn3.txt', 'created'],
    ])
    expect(byFile(first, 'mojibake.txt').outcome.reason).toMatch(/cannot be decoded confidently/)
    const after = await counts()
    expect(after.articles).toBe(before.articles + 6)
    expect(after.media).toBe(before.media + 3)
    const drafts = await payload.find({ collection: 'articles', where: { legacyFingerprint: { exists: true } }, draft: true, pagination: false })
    expect(drafts.docs.map((doc) => doc._status)).toEqual(Array(6).fill('draft'))
  })

  it('SharePoint page: title, date to the minute, lead, photo with caption, author, source, category', async () => {
    const article = await imported('sharepoint.html', first)
    expect(article.title).toBe('Khối thi đua các cơ quan Đảng tỉnh sơ kết 6 tháng đầu năm 2019')
    expect(article.slug).toBe('khoi-thi-dua-cac-co-quan-dang-tinh-so-ket-6-thang-dau-nam-2019')
    expect(new Date(article.publishedAt!).toISOString()).toBe('2019-07-29T17:00:00.000Z')
    expect(article.lead).toMatch(/^Chiều 29\/7\/2019, Khối thi đua/)
    expect(article.source).toBe('Ban Biên tập')
    expect(article.byline ?? null).toBeNull()
    expect((article.authors ?? []).map((author) => typeof author === 'object' && author.name)).toEqual(['Lê Quỳnh'])
    expect((article.categories ?? []).map((category) => typeof category === 'object' && category.slug)).toEqual(['thi-dua-khen-thuong'])
    expect(article.legacySource).toBe('https://tinhuy.example.gov.vn/tin-tuc/Pages/khoi-thi-dua-so-ket-2019.aspx')
    const photos = captionedPhotos(article.body)
    expect(photos.map((photo) => photo.caption)).toEqual(['Toàn cảnh Hội nghị'])
    const media = await payload.findByID({ collection: 'media', id: photos[0]!.media as number })
    expect(media).toMatchObject({ alt: 'Toàn cảnh Hội nghị', caption: 'Toàn cảnh Hội nghị' })
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, media.filename!))).toBe(true)
    expect(typeof article.cover === 'object' && article.cover?.id).toBe(media.id)
    expect(lexicalPlainText(article.body)).not.toMatch(/Skip Ribbon|Chia sẻ|Tin liên quan|Tác giả|Nguồn/)
  })

  it('DotNetNuke page: views as the starting count, footnote, signature as byline, no furniture', async () => {
    const article = await imported('dotnetnuke.html', first)
    expect(new Date(article.publishedAt!).toISOString()).toBe('2020-07-25T03:18:00.000Z')
    expect(article.views).toBe(333)
    expect(article.footnotes?.map((footnote) => footnote.text)).toEqual(['Sở Kế hoạch và Đầu tư; Sở Tài chính; Sở Nội vụ; Sở Ngoại vụ; Văn phòng UBND tỉnh.'])
    expect(article.byline).toBe('Văn phòng Sở')
    expect(captionedPhotos(article.body).map((photo) => photo.caption)).toEqual(['Quang cảnh Hội nghị'])
    expect(lexicalPlainText(article.body)).toContain('đơn vị[1]')
    expect(lexicalPlainText(article.body)).not.toMatch(/Thăm dò|Mã xác nhận|Cỡ chữ|Dự báo|Tin video|online/)
  })

  it('legacy encodings arrive as Unicode NFC; known signatures become authors, others byline text', async () => {
    const vni = await imported('liferay-vni.html', first)
    expect(vni.title).toBe('Điện Biên và Kon Tum trao đổi kinh nghiệm chuyển đổi số')
    expect(vni.byline).toBe('Đoàn Hương - TTCNTT')
    expect(new Date(vni.publishedAt!).toISOString()).toBe('2020-12-04T17:00:00.000Z')
    const tcvn3 = await imported('tcvn3.txt', first)
    expect(tcvn3.title).toBe('Hội nghị tổng kết công tác tuyên giáo sáu tháng đầu năm 2021')
    expect((tcvn3.authors ?? []).map((author) => typeof author === 'object' && author.name)).toEqual(['Bảo Minh'])
    expect((tcvn3.categories ?? []).map((category) => typeof category === 'object' && category.slug)).toEqual(['tin-trong-tinh'])
    const nfd = await imported('nfd.txt', first)
    expect(nfd.title).toBe('Kon Tum đẩy mạnh xây dựng chính quyền số'.normalize('NFC'))
    expect(lexicalPlainText(nfd.body)).toBe(lexicalPlainText(nfd.body).normalize('NFC'))
    const plain = await imported('plain.txt', first)
    expect(new Date(plain.publishedAt!).toISOString()).toBe('2020-07-28T17:00:00.000Z')
    expect(lexicalPlainText(plain.body)).toContain('Toàn cảnh Hội nghị')
  })

  it('a second import creates nothing and rewrites nothing', async () => {
    const ids = first.filter((result) => result.outcome.articleId).map((result) => result.outcome.articleId!)
    const stamps = await Promise.all(ids.map(async (id) => (await payload.findByID({ collection: 'articles', id, draft: true })).updatedAt))
    const countsBefore = await counts()
    const again = await importInto('hoabinh', [FIXTURES])
    expect(again.map((result) => result.outcome.status).sort()).toEqual(['failed', ...Array(6).fill('unchanged')])
    expect(await counts()).toEqual(countsBefore)
    const stampsAfter = await Promise.all(ids.map(async (id) => (await payload.findByID({ collection: 'articles', id, draft: true })).updatedAt))
    expect(stampsAfter).toEqual(stamps)
  })

  it('a changed page updates the article it made, reusing its photo', async () => {
    const dir = fs.mkdtempSync(path.join(portal.tmpDir, 'changed-'))
    fs.cpSync(path.join(FIXTURES, 'sharepoint_files'), path.join(dir, 'sharepoint_files'), { recursive: true })
    const html = fs.readFileSync(path.join(FIXTURES, 'sharepoint.html'), 'utf8').replace('chào mừng đại hội', 'chào mừng Đại hội')
    fs.writeFileSync(path.join(dir, 'sharepoint.html'), html)
    const countsBefore = await counts()
    const [result] = await importInto('hoabinh', [path.join(dir, 'sharepoint.html')])
    expect(result!.outcome).toMatchObject({ status: 'updated', articleId: byFile(first, 'sharepoint.html').outcome.articleId, media: { created: 0, reused: 1 } })
    expect(await counts()).toEqual(countsBefore)
    const article = await imported('sharepoint.html', first)
    expect(lexicalPlainText(article.body)).toContain('chào mừng Đại hội')
  })

  it('--dry-run writes nothing', async () => {
    const countsBefore = await counts()
    const results = await importInto('kontum', [FIXTURES], { dryRun: true })
    expect(results.filter((result) => result.outcome.status === 'would create')).toHaveLength(6)
    expect(await counts()).toEqual(countsBefore)
  })
})

describe('publishing and transactions', () => {
  it('--publish publishes into the given category, and captioned photos reach the captions collection', async () => {
    const [result] = await importInto('kontum', [path.join(FIXTURES, 'dotnetnuke.html')], { publish: true, category: 'thi-dua-khen-thuong' })
    expect(result!.outcome.status).toBe('created')
    const article = await payload.findByID({ collection: 'articles', id: result!.outcome.articleId!, depth: 1 })
    expect(article._status).toBe('published')
    expect((article.categories ?? []).map((category) => typeof category === 'object' && category.slug)).toEqual(['thi-dua-khen-thuong'])
    const captions = await payload.find({ collection: 'captions', where: { articles: { contains: article.id } } })
    expect(captions.docs.map((entry) => entry.caption)).toEqual(['Quang cảnh Hội nghị'])
  })

  it('a page that fails half-way leaves no media, no article and no files behind', async () => {
    const dir = fs.mkdtempSync(path.join(portal.tmpDir, 'broken-'))
    fs.mkdirSync(path.join(dir, 'page_files'))
    fs.copyFileSync(path.join(FIXTURES, 'sharepoint_files/hoi-nghi.jpg'), path.join(dir, 'page_files/good.jpg'))
    // A JPEG signature followed by garbage: the second photo is refused after the first was stored.
    fs.writeFileSync(path.join(dir, 'page_files/bad.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]))
    const html = fs
      .readFileSync(path.join(FIXTURES, 'sharepoint.html'), 'utf8')
      .replace('sharepoint_files/hoi-nghi.jpg', 'page_files/good.jpg')
      .replace('<p>Trong 6 tháng', '<p><img src="page_files/bad.jpg" alt="Ảnh hỏng"></p><p>Trong 6 tháng')
      .replace('sơ kết 6 tháng đầu năm 2019</h1>', 'sơ kết 6 tháng đầu năm 2019 (bản lỗi)</h1>')
      .replace(/saved from url=\(\d+\)\S+/, '')
    fs.writeFileSync(path.join(dir, 'page.html'), html)
    const mediaFiles = fs.readdirSync(process.env.MEDIA_DIR!).length
    const countsBefore = await counts()
    const [result] = await importInto('kontum', [path.join(dir, 'page.html')])
    expect(result!.outcome.status).toBe('failed')
    expect(result!.outcome.reason).toBeTruthy()
    expect(await counts()).toEqual(countsBefore)
    expect(fs.readdirSync(process.env.MEDIA_DIR!).length).toBe(mediaFiles)
  })
})

describe('confidence decides what --publish publishes', () => {
  const headerDated = path.join(TOOLBARS, 'toolbar-dnn.html')
  const textDated = path.join(TOOLBARS, 'toolbar-liferay.txt')
  const status = async (id: Article['id']) => (await payload.findByID({ collection: 'articles', id, draft: true }))._status

  it('--publish: a header-dated page is published; a page dated only by its text is a draft listed for review', async () => {
    let report = ''
    const results = await importInto('kontum', [headerDated, textDated], { publish: true, write: (text) => (report += text) })
    expect(results.map((result) => [path.basename(result.file), result.outcome.status, result.outcome.published])).toEqual([
      ['toolbar-dnn.html', 'created', true],
      ['toolbar-liferay.txt', 'created', false],
    ])
    const [dnn, liferay] = results.map((result) => result.outcome.articleId!)
    expect(await status(dnn!)).toBe('published')
    expect(await status(liferay!)).toBe('draft')
    expect(byFile(results, 'toolbar-liferay.txt').outcome.review).toEqual(['date is a guess (first date in the text, "ngày 12/01/2021")'])
    expect(report).toMatch(/toolbar-liferay\.txt: created \(article \d+, draft for review\)/)
    expect(report).toMatch(/: 1 created, 0 updated, 1 drafts for review, 0 unchanged, 0 failed;/)
    const review = report.slice(report.indexOf('Cần biên tập viên xem lại'))
    expect(review).toMatch(new RegExp(`^Cần biên tập viên xem lại \\(1 drafts;.*\\n  \\S*toolbar-liferay\\.txt \\(article ${liferay}\\): date is a guess`))
    expect(review).not.toMatch(/toolbar-dnn/)
  })

  it('--publish-all publishes the page dated only by its text, as before', async () => {
    const [result] = await importInto('kontum', [textDated], { publishAll: true })
    expect(result!.outcome).toMatchObject({ status: 'updated', published: true })
    expect(result!.outcome.review).toBeUndefined()
    expect(await status(result!.outcome.articleId!)).toBe('published')
  })
})

