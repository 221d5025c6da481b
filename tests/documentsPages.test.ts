import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Document, DocumentFile, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, KONTUM } from './helpers/demo.ts'
import { makeDocument, makePdf, makeTerm, makeTerms } from './helpers/documents.ts'
import { paragraphsToLexical } from '../src/lib/lexical.ts'
import { createArticle } from './helpers/articles.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal
let site: Site
let terms: Awaited<ReturnType<typeof makeTerms>>
let decision: Document
let file: DocumentFile
// A site of its own, so the demo register of the seeded sites does not mix with these documents.
const HOST_A = 'vanban.localhost:3000'
const HOST_B = '127.0.0.1:3000'

const get = (path: string, host = HOST_A) => request(portal.app).get(path).set('Host', host)
/** The numbers of the register's rows on a page, in order. */
const numbersIn = (html: string) => [...html.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  const { payload } = portal
  site = await payload.create({ collection: 'sites', data: { key: 'vanban', name: 'Cổng thử văn bản', agency: 'UBND tỉnh thử', hosts: [{ host: 'vanban.localhost' }] } })
  const other = await findSite(payload, KONTUM.key)
  terms = await makeTerms(payload, site.id)
  const otherTerms = await makeTerms(payload, other.id)
  const pdf = await makePdf('Phe duyet quy hoach vung nguyen lieu che Shan tuyet')
  file = await payload.create({ collection: 'document-files', data: { site: site.id }, file: { data: pdf, name: 'Quyết định 278.pdf', mimetype: 'application/pdf', size: pdf.length } })
  const d = { site: site.id, type: terms.decision.id, issuer: terms.province.id }
  decision = await makeDocument(payload, { ...d, number: '278/QĐ-UBND', abstract: 'Phê duyệt quy hoạch vùng chè Tà Xùa', issuedAt: '2024-03-15T00:00:00.000Z', field: terms.land.id, signer: 'Nguyễn Văn A', files: [file.id] })
  await makeDocument(payload, { ...d, number: '2780/QĐ-UBND', abstract: 'Về việc khác', issuedAt: '2024-06-01T00:00:00.000Z' })
  await makeDocument(payload, { ...d, type: terms.plan.id, number: '278/KH-UBND', abstract: 'Kế hoạch năm', issuedAt: '2023-05-01T00:00:00.000Z' })
  await makeDocument(payload, { ...d, issuer: terms.council.id, number: '15/NQ-HĐND', abstract: 'Nghị quyết cũ', issuedAt: '2019-07-01T00:00:00.000Z', expiresAt: '2022-01-01T00:00:00.000Z' })
  await makeDocument(payload, { ...d, number: '40/QĐ-UBND', abstract: 'Sửa đổi quy hoạch vùng chè Tà Xùa', issuedAt: '2025-01-10T00:00:00.000Z', amends: [decision.id] })
  await makeDocument(payload, { ...d, number: '77/QĐ-UBND', abstract: 'Dự thảo chưa công bố', issuedAt: '2025-02-10T00:00:00.000Z' }, true)
  await makeDocument(payload, { site: other.id, type: otherTerms.decision.id, issuer: otherTerms.province.id, number: '278/QĐ-UBND', abstract: 'Văn bản của Kon Tum', issuedAt: '2024-03-15T00:00:00.000Z' })
})
afterAll(async () => {
  await portal?.close()
})

describe('the register /van-ban', () => {
  it('lists the site’s published documents newest first, reached from the menu', async () => {
    const res = await get('/van-ban')
    expect(res.status).toBe(200)
    expect(numbersIn(res.text)).toEqual(['40/QĐ-UBND', '2780/QĐ-UBND', '278/QĐ-UBND', '278/KH-UBND', '15/NQ-HĐND'])
    expect(res.text).not.toContain('Văn bản của Kon Tum')
    expect(res.text).not.toContain('Dự thảo chưa công bố')
    expect((await get('/')).text).toContain('<a href="/van-ban">Văn bản</a>')
  })

  it('combines filters from the address and counts each option under the other filters', async () => {
    const res = await get('/van-ban?loai=quyet-dinh&nam=2024')
    expect(res.status).toBe(200)
    expect(numbersIn(res.text)).toEqual(['2780/QĐ-UBND', '278/QĐ-UBND'])
    // Types under "2024": 2 decisions, no plan; years under "decision": 2025 (1), 2024 (2), 2019 (1).
    expect(res.text).toContain('<option value="quyet-dinh" selected="">Quyết định (2)</option>')
    expect(res.text).toContain('<option value="ke-hoach">Kế hoạch (0)</option>')
    expect(res.text).toContain('<option value="2024" selected="">2024 (2)</option>')
    expect(res.text).toContain('<option value="2019">2019 (1)</option>')
  })

  it('filters by validity derived from the dates', async () => {
    const expired = await get('/van-ban?hieu-luc=het-hieu-luc')
    expect(numbersIn(expired.text)).toEqual(['15/NQ-HĐND'])
    const inForce = await get('/van-ban?hieu-luc=con-hieu-luc&co-quan=ubnd-tinh')
    expect(numbersIn(inForce.text)).toEqual(['40/QĐ-UBND', '2780/QĐ-UBND', '278/QĐ-UBND', '278/KH-UBND'])
    expect(inForce.text).toContain('Hết hiệu lực (0)')
  })

  it('answers an unknown filter value with 400 in Vietnamese', async () => {
    const res = await get('/van-ban?loai=khong-co')
    expect(res.status).toBe(400)
    expect(res.text).toContain('Không có mục này trong danh mục văn bản.')
    expect((await get('/van-ban?nam=abc')).status).toBe(400)
  })

  it.each(['278/QĐ-UBND', '278/qd-ubnd', '278 QĐ UBND', '278/QĐ', '278'])('finds 278/QĐ-UBND by “%s”, the whole number first', async (query) => {
    const res = await get(`/van-ban?q=${encodeURIComponent(query)}`)
    expect(res.status).toBe(200)
    const numbers = numbersIn(res.text)
    expect(numbers).toContain('278/QĐ-UBND')
    expect(numbers).not.toContain('2780/QĐ-UBND')
    if (query.length > 6) expect(numbers[0]).toBe('278/QĐ-UBND')
  })

  it('searches abstracts and PDF text without accents', async () => {
    expect(numbersIn((await get('/van-ban?q=quy%20hoach%20vung%20che%20ta%20xua')).text)).toEqual(['40/QĐ-UBND', '278/QĐ-UBND'])
    expect(numbersIn((await get('/van-ban?q=shan%20tuy%E1%BA%BFt')).text)).toEqual(['278/QĐ-UBND'])
  })
})

describe('a document’s page', () => {
  it('shows every field, its files with type and size, related documents both ways and JSON-LD Legislation', async () => {
    const res = await get('/van-ban/278-qd-ubnd-2024')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<dt>Cơ quan ban hành</dt><dd>UBND tỉnh</dd>')
    expect(res.text).toContain('<dt>Người ký</dt><dd>Nguyễn Văn A</dd>')
    expect(res.text).toContain('<dt>Tình trạng hiệu lực</dt><dd>Còn hiệu lực</dd>')
    expect(res.text).toMatch(/Quyết định 278\.pdf<\/a> <span class="meta">\(PDF, [\d,]+ KB\)<\/span>/)
    expect(res.text).toContain('<dt>Được sửa đổi, bổ sung bởi</dt>')
    expect(res.text).toContain('href="/van-ban/40-qd-ubnd-2025"')
    const jsonLd = JSON.parse(res.text.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!)
    expect(jsonLd).toMatchObject({ '@type': 'Legislation', legislationIdentifier: '278/QĐ-UBND', legislationDate: '2024-03-15' })
    const amending = await get('/van-ban/40-qd-ubnd-2025')
    expect(amending.text).toContain('<dt>Sửa đổi, bổ sung văn bản</dt>')
    expect(amending.text).toContain('href="/van-ban/278-qd-ubnd-2024"')
  })

  it('serves its file with its type and original name', async () => {
    const res = await get(`/van-ban/278-qd-ubnd-2024/tep/${file.filename}`).buffer(true)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Quyet dinh 278.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20278.pdf`)
    expect(Number(res.headers['content-length'])).toBe(file.filesize)
    expect((await get(`/van-ban/40-qd-ubnd-2025/tep/${file.filename}`)).status).toBe(404)
  })

  it('never shows a draft or another site’s document', async () => {
    expect((await get('/van-ban/77-qd-ubnd-2025')).status).toBe(404)
    const onB = await get('/van-ban/278-qd-ubnd-2024', HOST_B)
    expect(onB.status).toBe(200)
    expect(onB.text).toContain('Văn bản của Kon Tum')
    expect((await get('/van-ban/40-qd-ubnd-2025', HOST_B)).status).toBe(404)
    expect(numbersIn((await get('/van-ban?q=ta%20xua', HOST_B)).text)).toEqual([])
    expect(numbersIn((await get('/van-ban?nam=2024&loai=quyet-dinh', HOST_B)).text)).not.toContain('2780/QĐ-UBND')
  })

  it('has an RSS feed of the site’s new documents', async () => {
    const res = await get('/van-ban/rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/rss+xml')
    expect(res.text).toContain('<title>Quyết định 40/QĐ-UBND</title>')
    expect(res.text).not.toContain('Văn bản của Kon Tum')
  })

  it('a newly published document appears on the cached register and its page purges', async () => {
    expect(numbersIn((await get('/van-ban?nam=2026')).text)).toEqual([])
    const fresh = await makeDocument(portal.payload, { site: site.id, type: terms.decision.id, issuer: terms.province.id, number: '101/QĐ-UBND', abstract: 'Mới ban hành', issuedAt: '2026-11-01T00:00:00.000Z' })
    const published = await freshPage(() => get('/van-ban?nam=2026'))
    expect(numbersIn(published.text)).toEqual(['101/QĐ-UBND'])
    // The counts beside the filters follow at once as well (they are kept between requests).
    expect(published.text).toContain('<option value="2026" selected="">2026 (1)</option>')
    await portal.payload.update({ collection: 'documents', id: fresh.id, data: { _status: 'draft' } })
    const withdrawn = await freshPage(() => get('/van-ban?nam=2026'))
    expect(numbersIn(withdrawn.text)).toEqual([])
    expect(withdrawn.text).not.toContain('2026 (1)')
  })

  it('offers a new type of document in the filters at once, and a renamed one under its new name', async () => {
    const directive = await makeTerm(portal.payload, { site: site.id, group: 'type', title: 'Chỉ thị' })
    expect((await freshPage(() => get('/van-ban?nam=2024'))).text).toMatch(/<option value="[a-z-]+">Chỉ thị \(0\)<\/option>/)
    await portal.payload.update({ collection: 'document-terms', id: directive.id, data: { title: 'Chỉ thị của tỉnh' } })
    expect((await freshPage(() => get('/van-ban?nam=2024'))).text).toContain('>Chỉ thị của tỉnh (0)</option>')
    await portal.payload.delete({ collection: 'document-terms', id: directive.id })
    expect((await freshPage(() => get('/van-ban?nam=2024'))).text).not.toContain('Chỉ thị')
  })
})

describe('links from articles to the register', () => {
  const linkTo = (slug: string) => new RegExp(`<a class="document-link" href="/van-ban/${slug}">`)

  it('a number in a published article links to its document, with the day choosing among years', async () => {
    await makeDocument(portal.payload, { site: site.id, type: terms.decision.id, issuer: terms.province.id, number: '278/QĐ-UBND', abstract: 'Cùng số, năm khác', issuedAt: '2021-05-05T00:00:00.000Z' })
    await createArticle(portal.payload, {
      site: site.id,
      title: 'Triển khai quy hoạch vùng chè',
      _status: 'published',
      publishedAt: '2026-11-01T00:00:00.000Z',
      body: paragraphsToLexical(['Thực hiện Quyết định số 278/QĐ-UBND ngày 15/3/2024 của UBND tỉnh và Kế hoạch 278/KH-UBND, tỉnh đã giao chỉ tiêu.']),
    })
    const res = await get('/bai-viet/trien-khai-quy-hoach-vung-che')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(linkTo('278-qd-ubnd-2024'))
    expect(res.text).not.toMatch(linkTo('278-qd-ubnd-2021'))
    expect(res.text).toMatch(linkTo('278-kh-ubnd-2023'))
    expect(res.text).toContain('<p>Thực hiện Quyết định số <a class="document-link" href="/van-ban/278-qd-ubnd-2024">278/QĐ-UBND ngày 15/3/2024</a>')
  })

  it('a document added to the register links the articles already naming it; unpublishing it removes the link', async () => {
    await createArticle(portal.payload, {
      site: site.id,
      title: 'Hỗ trợ học sinh vùng khó',
      _status: 'published',
      publishedAt: '2026-11-02T00:00:00.000Z',
      body: paragraphsToLexical(['Theo Quyết định số 487/QĐ-UBND ngày 15/7/2020, học sinh được hỗ trợ.']),
    })
    const page = () => get('/bai-viet/ho-tro-hoc-sinh-vung-kho')
    expect((await page()).text).not.toContain('document-link')
    const added = await makeDocument(portal.payload, { site: site.id, type: terms.decision.id, issuer: terms.province.id, number: '487/QĐ-UBND', abstract: 'Hỗ trợ học sinh', issuedAt: '2020-07-14T17:00:00.000Z' })
    expect((await freshPage(page)).text).toMatch(linkTo('487-qd-ubnd-2020'))
    await portal.payload.update({ collection: 'documents', id: added.id, data: { _status: 'draft' } })
    expect((await freshPage(page)).text).not.toContain('document-link')
  })
})
