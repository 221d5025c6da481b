import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { parseHeaderDate, parseMetadataDate, parsePostedDate, parseSharePointDate, parseTextDate } from '../src/import/dates.ts'
import { decodeVietnamese, tcvn3ToUnicode, unicodeToTcvn3, unicodeToVni, vniToUnicode } from '../src/import/encodings.ts'
import { isFurniture } from '../src/import/furniture.ts'
import { htmlToLines } from '../src/import/html.ts'
import { parsePage } from '../src/import/parsePage.ts'
import { collectPages } from '../src/import/runImport.ts'

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures/legacy', name)
const toolbarFixture = (name: string) => path.join(import.meta.dirname, 'fixtures/legacy-toolbars', name)
const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ'
const UPPER = LOWER.toUpperCase()
const SENTENCE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên lần thứ mười, triển khai nhiệm vụ năm 2021 của các cơ quan Ủy ban nhân dân'

describe('TCVN3 (ABC)', () => {
  it('maps every Vietnamese letter of the table back to Unicode', () => {
    expect(tcvn3ToUnicode('B¶o Th¾ng')).toBe('Bảo Thắng')
    expect(tcvn3ToUnicode(unicodeToTcvn3(LOWER))).toBe(LOWER)
    expect(tcvn3ToUnicode('¡¢£¤¥¦§')).toBe('ĂÂÊÔƠƯĐ')
    // Capitals with a tone have no TCVN3 byte (they were drawn with the .VnTimeH fonts).
    expect(tcvn3ToUnicode(unicodeToTcvn3('Ủy ban'))).toBe('ủy ban')
  })
  it('is recognised and decoded', () => {
    const decoded = decodeVietnamese(unicodeToTcvn3(SENTENCE.toLowerCase()))
    expect(decoded.encoding).toBe('tcvn3')
    expect(decoded.text).toBe(SENTENCE.toLowerCase())
    expect(decoded.confidence).toBeGreaterThan(0.95)
  })
})

describe('VNI', () => {
  it('maps every Vietnamese letter, lower and upper case, back to Unicode', () => {
    expect(vniToUnicode('Vieät Nam ñaõ ñöôïc')).toBe('Việt Nam đã được')
    expect(vniToUnicode(unicodeToVni(LOWER))).toBe(LOWER)
    expect(vniToUnicode(unicodeToVni(UPPER))).toBe(UPPER)
    expect(vniToUnicode(unicodeToVni(SENTENCE))).toBe(SENTENCE)
  })
  it('is recognised and decoded', () => {
    const decoded = decodeVietnamese(unicodeToVni(SENTENCE))
    expect(decoded).toMatchObject({ encoding: 'vni', text: SENTENCE })
  })
})

describe('Unicode and NFD', () => {
  it('leaves NFC text alone and composes NFD text', () => {
    expect(decodeVietnamese(SENTENCE)).toMatchObject({ encoding: 'unicode', text: SENTENCE, confidence: 1 })
    const nfd = decodeVietnamese(SENTENCE.normalize('NFD'))
    expect(nfd).toMatchObject({ encoding: 'nfd', text: SENTENCE })
    expect(nfd.text).toBe(nfd.text.normalize('NFC'))
  })
  it('gives mojibake a low confidence whatever the guess', () => {
    const mojibake = Buffer.from(Buffer.from(SENTENCE).toString('latin1'), 'utf8').toString()
    expect(decodeVietnamese(mojibake).confidence).toBeLessThan(0.9)
    expect(decodeVietnamese(tcvn3ToUnicode(unicodeToVni(SENTENCE))).confidence).toBeLessThan(0.9)
  })
})

describe('publish dates (UTC+7)', () => {
  it('reads "Ngày đăng", SharePoint, header and text dates', () => {
    expect(parsePostedDate('Ngày đăng: 25/07/2020  10:18 Lượt xem: 333')?.date.toISOString()).toBe('2020-07-25T03:18:00.000Z')
    expect(parseSharePointDate('7/30/2019 12:00:00 AM')?.date.toISOString()).toBe('2019-07-29T17:00:00.000Z')
    expect(parseSharePointDate('7/30/2019 2:05:00 PM')?.date.toISOString()).toBe('2019-07-30T07:05:00.000Z')
    expect(parseHeaderDate('Thứ 7, Ngày 05/12/2020 -')?.date.toISOString()).toBe('2020-12-04T17:00:00.000Z')
    expect(parseTextDate('Ngày 29/7/2020, Khối thi đua')?.date.toISOString()).toBe('2020-07-28T17:00:00.000Z')
    expect(parseTextDate('Chiều 29/7/2019, Hội nghị')?.date.toISOString()).toBe('2019-07-28T17:00:00.000Z')
    expect(parseTextDate('Ngày 30-6, Ban Tuyên giáo', 2021)?.date.toISOString()).toBe('2021-06-29T17:00:00.000Z')
    expect(parseTextDate('Ngày 30-6, Ban Tuyên giáo')).toBeNull()
    expect(parsePostedDate('Ngày đăng: 31/02/2020')).toBeNull()
  })
  it('reads the page metadata in its own offset, or in UTC+7 when it states none', () => {
    expect(parseMetadataDate('2021-04-02T15:40:00+07:00')?.date.toISOString()).toBe('2021-04-02T08:40:00.000Z')
    expect(parseMetadataDate('2021-04-02T08:40:00Z')?.date.toISOString()).toBe('2021-04-02T08:40:00.000Z')
    expect(parseMetadataDate('2021-04-02T10:40:00+0900')?.date.toISOString()).toBe('2021-04-02T01:40:00.000Z')
    expect(parseMetadataDate('2021-04-02')?.date.toISOString()).toBe('2021-04-01T17:00:00.000Z')
    expect(parseMetadataDate('02/04/2021')).toBeNull()
  })
})

describe('HTML', () => {
  it('keeps the article text and drops scripts, ribbons, polls and share bars', () => {
    const { lines, dropped } = htmlToLines(
      '<div id="s4-ribbonrow">Skip Ribbon Commands</div><div class="poll">Thăm dò ý kiến</div><script>x()</script>' +
        '<h1>Tiêu đề bài</h1><p>Đoạn &amp; văn &#7897;</p><div class="share-bar">Chia sẻ</div><img src="a.jpg" alt="Ảnh">',
    )
    expect(lines).toEqual([{ text: 'Tiêu đề bài', heading: 1 }, { text: 'Đoạn & văn ộ' }, { text: '', image: { src: 'a.jpg', alt: 'Ảnh' } }])
    expect(dropped).toHaveLength(3)
  })

  it('reads the malformed markup of old portals: unclosed <p>, <font> soup, Word HTML, &nbsp; runs, every named entity', () => {
    const { lines } = htmlToLines(
      '<p>Đoạn một<p>Đoạn&nbsp;&nbsp;&nbsp;hai<p><font face="Arial"><font size="3">Diện tích 120 m&sup2;, tăng 3&times;' +
        '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
        '<p class="MsoNormal"><span style="mso-bidi-font-weight:bold">Văn bản Word</span><o:p>&nbsp;</o:p></p>',
    )
    expect(lines.map((line) => line.text)).toEqual(['Đoạn một', 'Đoạn hai', 'Diện tích 120 m², tăng 3×', 'Văn bản Word'])
  })

  it('treats the inside of a script as text, so a closing tag written by a script does not end furniture early', () => {
    const { lines } = htmlToLines(
      '<div class="poll"><script>document.write("</div>")</script><p>Bình chọn cho trang</p></div><p>Nội dung bài</p>',
    )
    expect(lines.map((line) => line.text)).toEqual(['Nội dung bài'])
  })
})

describe('legacy pages', () => {
  it('SharePoint: title, US date, bold lead, captioned photo, author, source, breadcrumb, address', async () => {
    const page = await parsePage(fixture('sharepoint.html'))
    expect(page.problems).toEqual([])
    expect(page.portal).toBe('sharepoint')
    expect(page.title?.value).toBe('Khối thi đua các cơ quan Đảng tỉnh sơ kết 6 tháng đầu năm 2019')
    expect(page.publishedAt).toMatchObject({ confidence: 'high' })
    expect(page.publishedAt?.value.toISOString()).toBe('2019-07-29T17:00:00.000Z')
    expect(page.lead?.value).toMatch(/^Chiều 29\/7\/2019, Khối thi đua/)
    expect(page.body[0]).toMatchObject({ kind: 'photo', caption: 'Toàn cảnh Hội nghị', image: { alt: 'Toàn cảnh Hội nghị' } })
    expect(page.images.get('sharepoint_files/hoi-nghi.jpg')?.mimetype).toBe('image/jpeg')
    expect(page.byline?.value).toBe('Lê Quỳnh')
    expect(page.source?.value).toBe('Ban Biên tập')
    expect(page.breadcrumb).toEqual(['Tin tức', 'Thi đua khen thưởng'])
    expect(page.sourceUrl).toBe('https://tinhuy.example.gov.vn/tin-tuc/Pages/khoi-thi-dua-so-ket-2019.aspx')
    const text = JSON.stringify(page.body)
    expect(text).not.toMatch(/Skip Ribbon|Chia sẻ|Tin liên quan|Trang chủ/)
  })

  it('DotNetNuke: "Ngày đăng" wins over the header date; views, footnote, signature; no furniture', async () => {
    const page = await parsePage(fixture('dotnetnuke.html'))
    expect(page.problems).toEqual([])
    expect(page.portal).toBe('dotnetnuke')
    expect(page.title?.value).toBe('Hội nghị Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm Khối thi đua các cơ quan tham mưu, tổng hợp')
    expect(page.publishedAt?.value.toISOString()).toBe('2020-07-25T03:18:00.000Z')
    expect(page.views?.value).toBe(333)
    expect(page.lead?.value).toMatch(/^Chiều ngày 24\/7\/2020/)
    expect(page.body.find((block) => block.kind === 'photo')).toMatchObject({ caption: 'Quang cảnh Hội nghị' })
    expect(page.images.get('/Portals/0/Images/quang-canh.jpg')?.data).toBeInstanceOf(Buffer)
    expect(page.footnotes).toEqual(['Sở Kế hoạch và Đầu tư; Sở Tài chính; Sở Nội vụ; Sở Ngoại vụ; Văn phòng UBND tỉnh.'])
    expect(page.byline?.value).toBe('Văn phòng Sở')
    const text = JSON.stringify(page.body)
    expect(text).not.toMatch(/Thăm dò|Mã xác nhận|Cỡ chữ|Dự báo|Độ ẩm|Tin video|online/)
  })

  it('Liferay in VNI: decoded title, header date, lead element, caption, signature with unit', async () => {
    const page = await parsePage(fixture('liferay-vni.html'))
    expect(page).toMatchObject({ encoding: 'vni', portal: 'liferay', problems: [] })
    expect(page.title?.value).toBe('Điện Biên và Kon Tum trao đổi kinh nghiệm chuyển đổi số')
    expect(page.publishedAt).toMatchObject({ confidence: 'medium' })
    expect(page.publishedAt?.value.toISOString()).toBe('2020-12-04T17:00:00.000Z')
    expect(page.lead).toMatchObject({ confidence: 'high', value: expect.stringMatching(/^Đoàn công tác tỉnh Điện Biên/) })
    expect(page.body[0]).toMatchObject({ kind: 'photo', caption: 'Quang cảnh buổi làm việc' })
    expect(page.byline?.value).toBe('Đoàn Hương - TTCNTT')
  })

  it('TCVN3 text copy: a date without its year takes the year of the page', async () => {
    const page = await parsePage(fixture('tcvn3.txt'))
    expect(page).toMatchObject({ encoding: 'tcvn3', problems: [] })
    expect(page.title?.value).toBe('Hội nghị tổng kết công tác tuyên giáo sáu tháng đầu năm 2021')
    expect(page.publishedAt).toMatchObject({ confidence: 'low' })
    expect(page.publishedAt?.value.toISOString()).toBe('2021-06-29T17:00:00.000Z')
    expect(page.byline?.value).toBe('Bảo Minh')
    expect(page.breadcrumb).toEqual(['Tin tức', 'Tin trong tỉnh'])
  })

  it('NFD text copy: composed text, views with a thousands dot, footnote', async () => {
    const page = await parsePage(fixture('nfd.txt'))
    expect(page).toMatchObject({ encoding: 'nfd', problems: [] })
    expect(page.title?.value).toBe('Kon Tum đẩy mạnh xây dựng chính quyền số')
    expect(page.title?.value).toBe(page.title?.value.normalize('NFC'))
    expect(page.publishedAt?.value.toISOString()).toBe('2020-12-02T01:05:00.000Z')
    expect(page.views?.value).toBe(1204)
    expect(page.footnotes).toEqual(['Theo báo cáo của Sở Thông tin và Truyền thông.'])
    expect(page.byline?.value).toBe('Đoàn Hương - TTCNTT')
  })

  it('plain-text copy with a poll and a weather box: first date of the text, caption, signature', async () => {
    const page = await parsePage(fixture('plain.txt'))
    expect(page.problems).toEqual([])
    expect(page.title?.value).toBe('Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm 2020')
    expect(page.publishedAt?.value.toISOString()).toBe('2020-07-28T17:00:00.000Z')
    expect(page.lead?.value).toMatch(/^Ngày 29\/7\/2020/)
    expect(page.body.filter((block) => block.kind === 'caption')).toEqual([{ kind: 'caption', text: 'Toàn cảnh Hội nghị' }])
    expect(page.byline?.value).toBe('Bảo Minh')
    const text = JSON.stringify(page.body)
    expect(text).not.toMatch(/Thăm dò|Mã xác nhận|FE_View_Detail|Quay trở lại|Dự báo|Độ ẩm|thông báo/)
    expect(page.skipped.map((skipped) => skipped.reason)).toEqual(expect.arrayContaining(['poll', 'portal control name', 'repeated line (alt text of a photo)']))
  })

  it('reports a page that cannot be decoded instead of importing mojibake', async () => {
    const page = await parsePage(fixture('broken/mojibake.txt'))
    expect(page.problems.join()).toMatch(/cannot be decoded confidently/)
  })
})

describe('portal furniture, told by its words', () => {
  it('takes toolbars of any order and separator for furniture', () => {
    for (const toolbar of [
      'A- A+ | Chia sẻ: Facebook Twitter Zalo | Tăng tương phản Giảm tương phản',
      'Cỡ chữ: A A A | In bài | Gửi email',
      'Chia sẻ bài viết qua Zalo',
      'Like 12 Share Tweet',
      'In bài viết / Quay trở lại / Lên đầu trang',
      'Google+',
    ]) {
      expect(isFurniture(toolbar), toolbar).toBe(true)
    }
  })
  it('leaves titles and text that use a few of those words alone', () => {
    for (const text of [
      'Tăng cường chia sẻ thông tin qua Zalo với người dân',
      'Hội nghị chia sẻ kinh nghiệm chuyển đổi số',
      'Thứ 3, Ngày 23/02/2021 | In bài',
      'In ấn tài liệu tuyên truyền bầu cử',
      'Trang chủ > Tin tức > Thời sự',
    ]) {
      expect(isFurniture(text), text).toBe(false)
    }
  })
})

describe('pages with toolbars where a title is looked for', () => {
  const INTERFACE = /\||\bA[-+]|Chia sẻ|Facebook|Twitter|Zalo|Google|tương phản|In bài|Gửi email|Cỡ chữ|Quay lại/iu
  const cases = [
    ['toolbar-sharepoint.html', 'Sở Y tế triển khai tiêm chủng vắc xin phòng COVID-19 đợt 1 năm 2021', /^Sáng 15\/3\/2021, Sở Y tế/],
    ['toolbar-sharepoint.txt', 'Sở Y tế triển khai tiêm chủng vắc xin phòng COVID-19 đợt 1 năm 2021', /^Sáng 15\/3\/2021, Sở Y tế/],
    ['toolbar-dnn.html', 'Huyện Mai Châu ra quân trồng cây đầu xuân Tân Sửu', /^Hưởng ứng Tết trồng cây/],
    ['toolbar-dnn.txt', 'Huyện Mai Châu ra quân trồng cây đầu xuân Tân Sửu', /^Hưởng ứng Tết trồng cây/],
    ['toolbar-liferay.html', 'Sở Thông tin và Truyền thông kiểm tra hạ tầng bưu chính, viễn thông tại huyện Kim Bôi', /^Thực hiện Kế hoạch số 35/],
    ['toolbar-liferay.txt', 'Sở Thông tin và Truyền thông kiểm tra hạ tầng bưu chính, viễn thông tại huyện Kim Bôi', /^Thực hiện Kế hoạch số 35/],
  ] as const

  it.each(cases)('%s: the real title and lead, no toolbar in title, lead, body or captions', async (name, title, lead) => {
    const page = await parsePage(toolbarFixture(name))
    expect(page.problems).toEqual([])
    expect(page.title?.value).toBe(title)
    expect(page.title?.value).not.toMatch(INTERFACE)
    expect(page.lead?.value).toMatch(lead)
    expect(JSON.stringify(page.body)).not.toMatch(INTERFACE)
    expect(page.body.filter((block) => block.kind === 'photo')).toEqual([])
  })

  it('a site name above the title loses to the title, which the lead goes on from', async () => {
    const page = await parsePage(toolbarFixture('toolbar-dnn.txt'))
    expect(page.title).toMatchObject({ confidence: 'medium', from: 'title-like line followed by the text' })
    expect(page.skipped.map((skipped) => skipped.text)).toContain('Cổng thông tin điện tử huyện Mai Châu tỉnh Hòa Bình')
  })

  it('a share button image is neither a photo nor a caption', async () => {
    const page = await parsePage(toolbarFixture('toolbar-dnn.html'))
    expect(page.skipped).toContainEqual({ text: 'Chia sẻ qua Zalo', reason: 'toolbar button image' })
  })

  it('dates: the page metadata is high; a text copy left with the date of a plan cited in the text is low', async () => {
    const html = await parsePage(toolbarFixture('toolbar-liferay.html'))
    expect(html.publishedAt).toMatchObject({ confidence: 'high', value: new Date('2021-04-02T08:40:00.000Z') })
    const text = await parsePage(toolbarFixture('toolbar-liferay.txt'))
    expect(text.publishedAt).toMatchObject({ confidence: 'low', value: new Date('2021-01-11T17:00:00.000Z') })
  })

  it('a breadcrumb behind "Bạn đang ở:" still names the category', async () => {
    const page = await parsePage(toolbarFixture('toolbar-sharepoint.txt'))
    expect(page.breadcrumb).toEqual(['Tin tức', 'Y tế'])
  })
})

describe('files a page brings', () => {
  const photo = fixture('sharepoint_files/hoi-nghi.jpg')
  const made: string[] = []
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))
  /** A copy of the SharePoint page in a fresh folder, its photo placed by `place`. */
  function pageWithPhoto(place: (target: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-files-'))
    made.push(dir)
    fs.mkdirSync(path.join(dir, 'trang'))
    fs.mkdirSync(path.join(dir, 'trang/sharepoint_files'))
    place(path.join(dir, 'trang/sharepoint_files/hoi-nghi.jpg'))
    fs.copyFileSync(fixture('sharepoint.html'), path.join(dir, 'trang/sharepoint.html'))
    return path.join(dir, 'trang/sharepoint.html')
  }
  const SRC = 'sharepoint_files/hoi-nghi.jpg'

  it('reads an image through a link that stays inside the page\'s folder', async () => {
    const page = await parsePage(
      pageWithPhoto((target) => {
        fs.copyFileSync(photo, path.join(path.dirname(target), 'that.jpg'))
        fs.symlinkSync('that.jpg', target)
      }),
    )
    expect(page.images.get(SRC)?.data).toEqual(fs.readFileSync(photo))
  })

  it('does not read an image whose link leads out of the page\'s folder', async () => {
    const page = await parsePage(
      pageWithPhoto((target) => {
        // Beside the page's folder, not in it: one level up.
        const outside = path.join(path.dirname(target), '../../outside.jpg')
        fs.copyFileSync(photo, outside)
        fs.symlinkSync(outside, target)
      }),
    )
    expect(page.images.get(SRC)).toEqual({ src: SRC, missing: "image file lies outside the page's folder: not read" })
    expect(page.skipped).toContainEqual({ text: SRC, reason: "image file lies outside the page's folder: not read" })
  })

  it('reports and skips an image or a page above the size limit, without reading it', async () => {
    const file = pageWithPhoto((target) => fs.copyFileSync(photo, target))
    const small = await parsePage(file, { imageBytes: 100 })
    expect(small.images.get(SRC)?.missing).toMatch(/^image file 0\.0 MB, larger than the 0\.0 MB limit: not read$/)
    expect(small.problems).toEqual([])
    // A sparse file: 11 MB on paper, nothing on disk; too large for the default limit.
    const huge = path.join(path.dirname(file), 'huge.html')
    fs.copyFileSync(file, huge)
    fs.truncateSync(huge, 11 * 1024 * 1024)
    const page = await parsePage(huge)
    expect(page.problems).toEqual(['page file 11.0 MB, larger than the 10.0 MB limit: not read'])
    expect(page.title).toBeUndefined()
  })

  it('walks a folder that links back to itself once', async () => {
    const file = pageWithPhoto((target) => fs.copyFileSync(photo, target))
    const dir = path.dirname(file)
    fs.symlinkSync('.', path.join(dir, 'again'))
    expect(await collectPages([dir])).toEqual([file])
  })
})

