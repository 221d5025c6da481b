import type { Payload, PayloadRequest } from 'payload'

import { PDFDocument, StandardFonts } from 'pdf-lib'

import type { Document, DocumentTerm, Site } from '../payload-types.ts'

import { documentsLoaded } from '../site/readModel/documents.ts'

type Report = { created: number; existing: number }
type Group = DocumentTerm['group']

const DAY = 24 * 60 * 60 * 1000

/** The lists of a demo site, in the order the admin shows them. */
const TERMS: Record<Group, string[]> = {
  type: ['Quyết định', 'Nghị quyết', 'Chỉ thị', 'Kế hoạch', 'Thông báo', 'Công văn', 'Báo cáo', 'Hướng dẫn'],
  issuer: ['UBND tỉnh', 'HĐND tỉnh', 'Tỉnh ủy', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường'],
  field: ['Đất đai', 'Giáo dục', 'Y tế', 'Tài chính', 'Nội vụ', 'Nông nghiệp'],
}
const SYMBOLS: Record<string, string> = { 'Quyết định': 'QĐ', 'Nghị quyết': 'NQ', 'Chỉ thị': 'CT', 'Kế hoạch': 'KH', 'Thông báo': 'TB', 'Công văn': 'CV', 'Báo cáo': 'BC', 'Hướng dẫn': 'HD' }
const ISSUER_SYMBOLS: Record<string, string> = { 'UBND tỉnh': 'UBND', 'HĐND tỉnh': 'HĐND', 'Tỉnh ủy': 'TU', 'Sở Nội vụ': 'SNV', 'Sở Tài chính': 'STC', 'Sở Nông nghiệp và Môi trường': 'SNNMT' }
const TOPICS = [
  'phê duyệt quy hoạch sử dụng đất giai đoạn 2021 - 2030',
  'triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'tăng cường công tác phòng, chống dịch bệnh trên địa bàn tỉnh',
  'ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh',
  'giao dự toán thu, chi ngân sách nhà nước năm',
  'kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh',
  'đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh',
  'bảo tồn và phát triển vùng chè Shan tuyết',
  'hỗ trợ học sinh vùng đặc biệt khó khăn',
  'sắp xếp đơn vị hành chính cấp xã',
]

/** "Quyết định số 278/QĐ-UBND" in the ASCII letters pdf-lib's standard fonts can draw. */
const ascii = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')

/**
 * A one-page PDF of a demo document, with a text layer (so search finds its words). pdf-lib's
 * standard fonts only cover Latin-1, which lacks most Vietnamese letters; embedding a font would
 * need fontkit and a font file in the repository, so the demo PDFs are written without accents
 * (search folds accents, so "shan tuyết" still finds them).
 */
export async function demoDocumentPdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595, 842])
  lines.forEach((line, index) => page.drawText(ascii(line), { x: 56, y: 780 - index * 22, size: index === 0 ? 14 : 11, font }))
  return Buffer.from(await pdf.save())
}

type DemoDocument = { number: string; type: string; issuer: string; field: string; abstract: string; issuedAt: string; effectiveAt?: string; expiresAt?: string; validityOverride?: 'partlyInForce'; replaces?: number; amends?: number }

/** Thirty documents over several types, issuers and years; a few replace or amend earlier ones. */
export function demoDocuments(now = new Date()): DemoDocument[] {
  const documents: DemoDocument[] = []
  for (let index = 0; index < 30; index++) {
    const type = TERMS.type[index % TERMS.type.length]!
    const issuer = type === 'Nghị quyết' ? 'HĐND tỉnh' : type === 'Chỉ thị' ? 'Tỉnh ủy' : TERMS.issuer[(index * 5) % TERMS.issuer.length]!
    const year = 2019 + (index % 8)
    const issued = new Date(Date.UTC(year, (index * 7) % 12, 1 + ((index * 11) % 27)))
    const number = index === 0 ? '278/QĐ-UBND' : index === 8 ? '487/QĐ-UBND' : `${((index * 37) % 480) + 10}/${SYMBOLS[type]}-${ISSUER_SYMBOLS[issuer]}`
    const document: DemoDocument = {
      number,
      type: index === 8 ? 'Quyết định' : type,
      issuer: index === 0 || index === 8 ? 'UBND tỉnh' : issuer,
      field: TERMS.field[index % TERMS.field.length]!,
      abstract: `Về việc ${TOPICS[index % TOPICS.length]}${index % TOPICS.length === 4 ? ` ${year}` : ''}`,
      issuedAt: (index === 8 ? new Date(Date.UTC(2020, 6, 14, 17)) : issued).toISOString(),
    }
    if (index % 9 === 4) document.expiresAt = new Date(issued.getTime() + 700 * DAY).toISOString()
    if (index === 29) document.effectiveAt = new Date(now.getTime() + 30 * DAY).toISOString()
    if (index === 13) document.validityOverride = 'partlyInForce'
    if (index >= 20 && index % 5 === 0) document.replaces = index - 20
    if (index >= 10 && index % 7 === 3) document.amends = index - 10
    documents.push(document)
  }
  return documents
}

/**
 * The documents register of a demo site: its lists and thirty published documents with a PDF
 * each. Idempotent: entries are found by slug and documents by number and issue date first.
 */
export async function seedDemoDocuments(payload: Payload, site: Site, report: Report, req: Partial<PayloadRequest>): Promise<void> {
  const terms = new Map<string, DocumentTerm>()
  for (const [group, titles] of Object.entries(TERMS) as [Group, string[]][]) {
    for (const [order, title] of titles.entries()) {
      const found = await payload.find({ collection: 'document-terms', where: { and: [{ site: { equals: site.id } }, { group: { equals: group } }, { title: { equals: title } }] }, limit: 1, depth: 0, req })
      let term = found.docs[0]
      if (term) report.existing++
      else {
        report.created++
        term = await payload.create({ collection: 'document-terms', data: { site: site.id, group, title, order: order + 1, slug: '' }, depth: 0, req })
      }
      terms.set(`${group}:${title}`, term)
    }
  }
  const made: Document[] = []
  const created: Document['id'][] = []
  // The read model is written once for all of them at the end (one transaction, not sixty).
  const bulk = { ...req, context: { ...req.context, deferDocumentSync: true } }
  for (const demo of demoDocuments()) {
    const found = await payload.find({ collection: 'documents', where: { and: [{ site: { equals: site.id } }, { number: { equals: demo.number } }, { issuedAt: { equals: demo.issuedAt } }] }, limit: 1, depth: 0, req })
    if (found.docs[0]) {
      report.existing++
      made.push(found.docs[0])
      continue
    }
    const type = terms.get(`type:${demo.type}`)!
    const pdf = await demoDocumentPdf([`${demo.type.toUpperCase()} SO ${demo.number}`, `${site.agency}`, demo.abstract, `Ngay ${demo.issuedAt.slice(0, 10)}`])
    const file = await payload.create({ collection: 'document-files', data: { site: site.id }, file: { data: pdf, name: `${demo.number.replace(/\//g, '-')}.pdf`, mimetype: 'application/pdf', size: pdf.length }, depth: 0, req })
    const related = (index: number | undefined) => (index === undefined ? [] : [made[index]!.id])
    const document = await payload.create({
      collection: 'documents',
      data: {
        site: site.id,
        _status: 'published',
        number: demo.number,
        abstract: demo.abstract,
        type: type.id,
        issuer: terms.get(`issuer:${demo.issuer}`)!.id,
        field: terms.get(`field:${demo.field}`)!.id,
        signer: 'Chủ tịch UBND tỉnh',
        issuedAt: demo.issuedAt,
        effectiveAt: demo.effectiveAt,
        expiresAt: demo.expiresAt,
        validityOverride: demo.validityOverride,
        files: [file.id],
        replaces: related(demo.replaces),
        amends: related(demo.amends),
      },
      depth: 0,
      req: bulk,
    })
    report.created += 2
    made.push(document)
    created.push(document.id)
  }
  if (created.length > 0) await documentsLoaded(payload, created)
}
