import type { Payload, PayloadRequest } from 'payload'

import type { Consultation, Site } from '../payload-types.ts'
import type { CommentStatus } from '../consultations/statuses.ts'
import type { SeedReport } from './seed.ts'

import { demoDocumentPdf } from '../documents/demo.ts'
import { buildLexical } from '../lib/lexical.ts'

const DAY = 24 * 60 * 60 * 1000

type DemoComment = { name: string; organisation?: string; point?: number; status: CommentStatus; comment: string }
type DemoConsultation = {
  title: string
  summary: string
  /** Days from now: negative in the past. */
  opens: number
  closes: number
  points: { title: string; text: string }[]
  comments: DemoComment[]
  report?: string[]
}

const CONSULTATIONS: DemoConsultation[] = [
  {
    title: 'Dự thảo Quyết định ban hành Quy định quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh',
    summary:
      'Dự thảo quy định việc phân loại chất thải rắn sinh hoạt tại nguồn, thu gom, vận chuyển và xử lý; trách nhiệm của hộ gia đình, cá nhân, Ủy ban nhân dân cấp xã và đơn vị thu gom; giá dịch vụ thu gom theo khối lượng.',
    opens: -10,
    closes: 20,
    points: [
      { title: 'Phân loại chất thải tại nguồn (Điều 5)', text: 'Hộ gia đình phân loại thành ba nhóm: chất thải có khả năng tái chế, chất thải thực phẩm và chất thải khác.' },
      { title: 'Giá dịch vụ thu gom (Điều 12)', text: 'Giá dịch vụ tính theo khối lượng hoặc thể tích bao bì chuyên dụng do Ủy ban nhân dân tỉnh quy định.' },
    ],
    comments: [
      { name: 'Nguyễn Thị Hạnh', point: 0, status: 'approved', comment: 'Đề nghị bổ sung quy định về điểm tập kết chất thải tái chế ở từng thôn, xóm để người dân thuận tiện thực hiện.' },
      { name: 'Trần Văn Đức', organisation: 'Hợp tác xã Môi trường Xanh', point: 1, status: 'new', comment: 'Giá dịch vụ theo khối lượng cần có lộ trình áp dụng ít nhất 12 tháng để các đơn vị thu gom chuẩn bị.' },
    ],
  },
  {
    title: 'Dự thảo Nghị quyết quy định mức hỗ trợ học phí cho học sinh trung học phổ thông',
    summary: 'Dự thảo quy định đối tượng, mức hỗ trợ học phí và trình tự, thủ tục chi trả cho học sinh trung học phổ thông công lập và ngoài công lập trên địa bàn tỉnh từ năm học 2026–2027.',
    opens: -60,
    closes: -30,
    points: [
      { title: 'Đối tượng được hỗ trợ (Điều 2)', text: 'Học sinh trung học phổ thông đang học tại các cơ sở giáo dục trên địa bàn tỉnh.' },
      { title: 'Mức hỗ trợ (Điều 3)', text: 'Hỗ trợ 100% học phí đối với học sinh công lập; học sinh ngoài công lập được hỗ trợ bằng mức học phí công lập cùng địa bàn.' },
    ],
    comments: [
      { name: 'Lê Minh Tuấn', point: 1, status: 'approved', comment: 'Đồng ý với mức hỗ trợ. Đề nghị chi trả trực tiếp cho nhà trường để phụ huynh không phải nộp trước.' },
      { name: 'Phạm Thu Trang', organisation: 'Trường THPT Chuyên tỉnh', point: 0, status: 'approved', comment: 'Đề nghị làm rõ học sinh học chương trình giáo dục thường xuyên cấp trung học phổ thông có thuộc đối tượng không.' },
      { name: 'Hoàng Văn Nam', status: 'rejected', comment: 'Nội dung không liên quan đến dự thảo được gửi nhiều lần.' },
    ],
    report: [
      'Sau 30 ngày lấy ý kiến, cơ quan soạn thảo nhận được 3 ý kiến của cá nhân, tổ chức.',
      'Tiếp thu: bổ sung học viên học chương trình giáo dục thường xuyên cấp trung học phổ thông vào đối tượng hỗ trợ (khoản 2 Điều 2); quy định chi trả trực tiếp cho cơ sở giáo dục (Điều 5).',
      'Giải trình: một ý kiến không liên quan đến nội dung dự thảo nên không tổng hợp.',
    ],
  },
]

/** One open and one closed draft for comment on a site, with comments (some approved) and the report on the closed one. */
export async function seedDemoConsultations(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>): Promise<void> {
  const units = await payload.find({ collection: 'units', where: { site: { equals: site.id } }, limit: 1, depth: 0, sort: 'createdAt', req })
  for (const [index, demo] of CONSULTATIONS.entries()) {
    const existing = await payload.find({ collection: 'consultations', where: { and: [{ site: { equals: site.id } }, { title: { equals: demo.title } }] }, limit: 1, depth: 0, req })
    if (existing.docs[0]) {
      report.existing++
      continue
    }
    report.created++
    const pdf = await demoDocumentPdf(['DU THAO', site.agency, demo.title])
    const file = await payload.create({ collection: 'document-files', data: { site: site.id }, file: { data: pdf, name: `du-thao-${index + 1}.pdf`, mimetype: 'application/pdf', size: pdf.length }, depth: 0, req })
    const now = Date.now()
    const consultation: Consultation = await payload.create({
      collection: 'consultations',
      data: {
        site: site.id,
        _status: 'published',
        title: demo.title,
        draftingUnit: units.docs[0]?.id,
        draftingBody: units.docs[0] ? undefined : site.agency,
        summary: demo.summary,
        files: [file.id],
        opensAt: new Date(now + demo.opens * DAY).toISOString(),
        closesAt: new Date(now + demo.closes * DAY).toISOString(),
        points: demo.points,
        report: demo.report ? buildLexical(demo.report.map((text) => ({ kind: 'paragraph' as const, text }))) : undefined,
        reviewState: 'approved',
      },
      depth: 0,
      req,
    })
    for (const [order, comment] of demo.comments.entries()) {
      const point = comment.point === undefined ? undefined : consultation.points?.[comment.point]
      await payload.create({
        collection: 'consultation-comments',
        data: {
          site: site.id,
          consultation: consultation.id,
          point: point?.id ?? undefined,
          pointTitle: point?.title,
          status: comment.status,
          receivedAt: new Date(now + (demo.opens + 2 + order) * DAY).toISOString(),
          name: comment.name,
          organisation: comment.organisation,
          email: `nguoi-gop-y-${order + 1}@example.vn`,
          comment: comment.comment,
        },
        depth: 0,
        req,
      })
    }
  }
}
