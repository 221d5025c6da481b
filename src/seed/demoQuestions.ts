import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { QuestionField, Site } from '../payload-types.ts'
import type { QuestionStatus } from '../participation/statuses.ts'
import type { SeedReport } from './seed.ts'

import { newFollowUpToken } from '../participation/keys.ts'
import { counterKey, ensureCounter } from '../participation/reference.ts'
import { storeFeedback } from '../participation/submitFeedback.ts'
import { receivedId } from '../participation/submission.ts'
import { type NewQuestion, storeQuestion } from '../participation/submitQuestion.ts'

const FIELDS = ['Đất đai, môi trường', 'Y tế', 'Giáo dục', 'Đăng ký kinh doanh']

type DemoQuestion = {
  field: number
  status: QuestionStatus
  name: string
  title: string
  body: string
  unit?: string
  answer?: string
  reason?: string
}

const QUESTIONS: DemoQuestion[] = [
  {
    field: 0,
    status: 'published',
    name: 'Nguyễn Văn Hùng',
    title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu',
    body: 'Gia đình tôi sử dụng đất ở ổn định từ năm 1995, không có tranh chấp. Xin hỏi hồ sơ đề nghị cấp giấy chứng nhận lần đầu gồm những gì?',
    unit: 'Sở Tài nguyên và Môi trường',
    answer:
      'Hồ sơ gồm đơn đăng ký, cấp giấy chứng nhận (Mẫu 04/ĐK) và giấy tờ về quyền sử dụng đất nếu có; nộp tại Bộ phận một cửa cấp huyện. Thời hạn giải quyết không quá 20 ngày làm việc.',
  },
  {
    field: 1,
    status: 'published',
    name: 'Lê Thị Mai',
    title: 'Lịch tiêm chủng mở rộng cho trẻ dưới 1 tuổi',
    body: 'Con tôi được 2 tháng tuổi. Xin hỏi trạm y tế xã tiêm những loại vắc xin nào miễn phí và lịch tiêm ra sao?',
    unit: 'Sở Y tế',
    answer:
      'Trẻ dưới 1 tuổi được tiêm miễn phí các vắc xin trong Chương trình tiêm chủng mở rộng (lao, viêm gan B, bạch hầu – ho gà – uốn ván – Hib – viêm gan B, bại liệt, sởi) theo lịch của trạm y tế xã, thường vào ngày 25 hằng tháng.',
  },
  {
    field: 2,
    status: 'published',
    name: 'Phạm Quốc Bảo',
    title: 'Điều kiện miễn học phí đối với học sinh vùng đặc biệt khó khăn',
    body: 'Con tôi học lớp 7 ở xã thuộc vùng đặc biệt khó khăn. Xin hỏi cháu có được miễn học phí không và cần giấy tờ gì?',
    unit: 'Sở Giáo dục và Đào tạo',
    answer:
      'Học sinh trung học cơ sở ở xã đặc biệt khó khăn được miễn học phí. Phụ huynh nộp đơn đề nghị kèm giấy xác nhận nơi thường trú cho nhà trường trong 30 ngày đầu học kỳ.',
  },
  {
    field: 3,
    status: 'published',
    name: 'Trần Minh Châu',
    title: 'Đăng ký hộ kinh doanh nộp hồ sơ ở đâu?',
    body: 'Tôi muốn mở cửa hàng tạp hóa tại nhà. Xin hỏi đăng ký hộ kinh doanh nộp hồ sơ ở đâu, mất bao lâu?',
    unit: 'Sở Kế hoạch và Đầu tư',
    answer: 'Hồ sơ đăng ký hộ kinh doanh nộp tại Phòng Tài chính – Kế hoạch cấp huyện hoặc qua Cổng dịch vụ công; giấy chứng nhận được cấp trong 3 ngày làm việc.',
  },
  {
    field: 0,
    status: 'new',
    name: 'Đỗ Văn Nam',
    title: 'Bồi thường khi thu hồi đất nông nghiệp',
    body: 'Xin hỏi mức bồi thường khi Nhà nước thu hồi đất trồng lúa để làm đường được tính thế nào?',
  },
  {
    field: 1,
    status: 'assigned',
    name: 'Vũ Thị Lan',
    title: 'Thẻ bảo hiểm y tế cho người cao tuổi',
    body: 'Bố tôi 80 tuổi, chưa có lương hưu. Xin hỏi có được cấp thẻ bảo hiểm y tế miễn phí không?',
    unit: 'Sở Y tế',
  },
  {
    field: 2,
    status: 'answered',
    name: 'Hoàng Văn Tú',
    title: 'Tuyển sinh lớp 10 năm học tới',
    body: 'Xin hỏi năm học tới tỉnh tuyển sinh lớp 10 theo hình thức thi hay xét tuyển, thi những môn nào?',
    unit: 'Sở Giáo dục và Đào tạo',
    answer: 'Tỉnh tổ chức thi tuyển với ba môn Toán, Ngữ văn, Tiếng Anh; lịch thi được công bố trước ngày 31/3.',
  },
  {
    field: 3,
    status: 'approved',
    name: 'Bùi Thị Hoa',
    title: 'Thay đổi địa điểm kinh doanh của hộ kinh doanh',
    body: 'Hộ kinh doanh của tôi chuyển sang địa điểm mới trong cùng huyện. Xin hỏi có phải đăng ký lại không?',
    unit: 'Sở Kế hoạch và Đầu tư',
    answer: 'Hộ kinh doanh thông báo thay đổi địa điểm tại cơ quan đăng ký cấp huyện trong 10 ngày; không phải đăng ký lại.',
  },
  {
    field: 0,
    status: 'rejected',
    name: 'Ngô Văn Long',
    title: 'Hỏi về việc riêng không thuộc thẩm quyền',
    body: 'Nội dung không thuộc thẩm quyền trả lời của cơ quan, đề nghị chuyển đến nơi khác để được giải đáp.',
    reason: 'Không thuộc thẩm quyền; đã hướng dẫn công dân liên hệ Tòa án nhân dân huyện.',
  },
]

/** The steps from "new" to a question's demo status, as an editor would take them. */
function steps(question: DemoQuestion): Record<string, unknown>[] {
  if (question.status === 'rejected') return [{ status: 'rejected', rejectionReason: question.reason }]
  const order: QuestionStatus[] = ['assigned', 'answered', 'approved', 'published']
  const until = order.indexOf(question.status)
  const all = [{ status: 'assigned', assignedUnit: question.unit }, { answer: question.answer }, { status: 'approved' }, { status: 'published' }]
  return all.slice(0, until + 1)
}

/**
 * Per demo site: fields ("lĩnh vực"), a few published questions with answers in several fields,
 * and one question in each handling step. Idempotent: a field by its name, a question by its title.
 */
export async function seedDemoQuestions(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>): Promise<void> {
  const fields: QuestionField[] = []
  for (const [order, name] of FIELDS.entries()) {
    const existing = await payload.find({ collection: 'question-fields', where: { and: [{ site: { equals: site.id } }, { name: { equals: name } }] }, limit: 1, depth: 0 })
    if (existing.docs[0]) report.existing++
    else report.created++
    fields.push(existing.docs[0] ?? (await payload.create({ collection: 'question-fields', data: { site: site.id, name, order }, depth: 0, req })))
  }
  for (const [index, question] of QUESTIONS.entries()) {
    const existing = await payload.count({ collection: 'questions', where: { and: [{ site: { equals: site.id } }, { title: { equals: question.title } }] } })
    if (existing.totalDocs > 0) {
      report.existing++
      continue
    }
    report.created++
    const receivedAt = new Date(Date.now() - (QUESTIONS.length - index) * 3 * 24 * 60 * 60 * 1000)
    const asker = { askerName: question.name, phone: `09${String(12345670 + index).padStart(8, '0')}`, nameDisplay: index % 2 ? ('full' as const) : ('initials' as const) }
    const { id } = await received(payload, req, site, { ...asker, field: fields[question.field]!.id, title: question.title, body: question.body, flagged: false, followUpHash: newFollowUpToken().hash }, receivedAt)
    for (const data of steps(question)) await payload.update({ collection: 'questions', id, data, depth: 0, req })
  }
}

type DemoFeedback = { status: 'new' | 'assigned' | 'answered' | 'rejected'; name: string; subject: string; message: string; toOffice?: boolean; answer?: string; reason?: string }

/** Feedback ("Góp ý") in each step it can take; never published. */
const FEEDBACK: DemoFeedback[] = [
  {
    status: 'new',
    name: 'Trần Thị Mai',
    subject: 'Đề nghị đăng lịch tiếp công dân sớm hơn',
    message: 'Lịch tiếp công dân hằng tháng nên được đăng trước ít nhất một tuần để người dân sắp xếp thời gian.',
  },
  {
    status: 'assigned',
    name: 'Lê Văn Tâm',
    subject: 'Góp ý về chuyên mục văn bản',
    message: 'Đề nghị bổ sung bộ lọc theo cơ quan ban hành trên trang điện thoại để tra cứu văn bản nhanh hơn.',
    toOffice: true,
  },
  {
    status: 'answered',
    name: 'Phạm Quốc Bảo',
    subject: 'Phản ánh liên kết hỏng ở trang giới thiệu',
    message: 'Liên kết đến danh bạ các đơn vị ở cuối trang giới thiệu không mở được, đề nghị kiểm tra lại.',
    toOffice: true,
    answer: 'Ban biên tập đã sửa liên kết. Cảm ơn ông đã phản ánh.',
  },
  {
    status: 'rejected',
    name: 'Người gửi không rõ',
    subject: 'Nội dung quảng cáo',
    message: 'Nội dung quảng cáo dịch vụ không liên quan đến hoạt động của cơ quan, gửi nhiều lần.',
    reason: 'Nội dung quảng cáo, không phải góp ý.',
  },
]

/** The steps from "new" to a feedback item's demo status; assigned to the agency's office, picked from its organisation. */
function feedbackSteps(item: DemoFeedback, office: Record<string, unknown>): Record<string, unknown>[] {
  if (item.status === 'rejected') return [{ status: 'rejected', rejectionReason: item.reason }]
  const all = [{ status: 'assigned', ...office }, { answer: item.answer }]
  return all.slice(0, item.status === 'answered' ? 2 : item.status === 'assigned' ? 1 : 0)
}

/** Per demo site: feedback in every step it can take. Idempotent: an item by its subject. */
export async function seedDemoFeedback(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>): Promise<void> {
  const offices = await payload.find({ collection: 'units', where: { and: [{ site: { equals: site.id } }, { slug: { like: 'van-phong' } }] }, limit: 1, depth: 0, select: { slug: true } })
  const office = offices.docs[0] ? { organisationUnit: offices.docs[0].id } : { assignedUnit: 'Văn phòng' }
  for (const [index, item] of FEEDBACK.entries()) {
    const existing = await payload.count({ collection: 'questions', where: { and: [{ site: { equals: site.id } }, { kind: { equals: 'feedback' } }, { title: { equals: item.subject } }] } })
    if (existing.totalDocs > 0) {
      report.existing++
      continue
    }
    report.created++
    const receivedAt = new Date(Date.now() - (FEEDBACK.length - index) * 2 * 24 * 60 * 60 * 1000)
    const feedback = { senderName: item.name, phone: `09${String(22345670 + index).padStart(8, '0')}`, subject: item.subject, message: item.message }
    await ensureCounter(payload, counterKey(site.id, receivedAt, 'feedback'))
    const { id } = await inTransaction(payload, req, async (write) => {
      const { reference } = await storeFeedback(payload, write, site, feedback, undefined, receivedAt)
      return { id: await receivedId(payload, write, site.id, reference) }
    })
    for (const data of feedbackSteps(item, office)) await payload.update({ collection: 'questions', id, data, depth: 0, req })
  }
}

/** A question received as the form would take it: with the next reference, in a transaction of its own. */
async function received(payload: Payload, req: Partial<PayloadRequest>, site: Site, question: NewQuestion, now: Date) {
  await ensureCounter(payload, counterKey(site.id, now))
  return inTransaction(payload, req, async (write) => {
    const { reference } = await storeQuestion(payload, write, site, question, now)
    return { id: await receivedId(payload, write, site.id, reference) }
  })
}

async function inTransaction<T>(payload: Payload, req: Partial<PayloadRequest>, work: (write: PayloadRequest) => Promise<T>): Promise<T> {
  const write = await createLocalReq({ context: req.context }, payload)
  try {
    await initTransaction(write)
    const result = await work(write)
    await commitTransaction(write)
    return result
  } catch (error) {
    await killTransaction(write)
    throw error
  }
}
