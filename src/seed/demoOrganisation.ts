import type { Payload, PayloadRequest, Where } from 'payload'

import type { Site } from '../payload-types.ts'
import type { SeedReport } from './seed.ts'

import { paragraphsToLexical } from '../lib/lexical.ts'
import { drawConferencePhoto } from './demoImages.ts'
import { DEMO_ENGLISH } from './demoOrganisationEnglish.ts'

/** Original, fictitious demo data: the units of a provincial agency with its leaders, contacts and spokesperson. */

type DemoUnit = { slug: string; name: string; kind: 'agency' | 'attached' | 'department'; parent?: string; functions: string[]; phone?: string; email?: string; address?: string; website?: string }
type DemoPerson = { slug: string; name: string; title: string; unit: string; phone?: string; email?: string; bio?: string; leader?: boolean; contact?: boolean; spokesperson?: boolean }
type DemoOrganisation = { units: DemoUnit[]; people: DemoPerson[] }

const HOABINH: DemoOrganisation = {
  units: [
    {
      slug: 'tinh-uy-hoa-binh',
      name: 'Tỉnh ủy Hòa Bình',
      kind: 'agency',
      address: 'Số 2 đường Trần Hưng Đạo, phường Phương Lâm, thành phố Hòa Bình (bản trình diễn)',
      phone: '0218 3852 100',
      email: 'vanphong@tinhuy.hoabinh.example.vn',
      website: 'https://tinhuy.hoabinh.example.vn',
      functions: [
        'Tỉnh ủy là cơ quan lãnh đạo của Đảng bộ tỉnh giữa hai kỳ đại hội, lãnh đạo thực hiện nghị quyết đại hội Đảng bộ tỉnh và các chủ trương của Trung ương.',
        'Quyết định các chủ trương lớn về phát triển kinh tế - xã hội, quốc phòng, an ninh và công tác xây dựng Đảng, xây dựng hệ thống chính trị của tỉnh.',
      ],
    },
    { slug: 'van-phong-tinh-uy', name: 'Văn phòng Tỉnh ủy', kind: 'department', parent: 'tinh-uy-hoa-binh', phone: '0218 3852 101', email: 'vanphong@tinhuy.hoabinh.example.vn', functions: ['Tham mưu tổ chức, quản lý các hoạt động của Tỉnh ủy; là trung tâm thông tin tổng hợp phục vụ sự lãnh đạo của Tỉnh ủy.'] },
    { slug: 'phong-tong-hop', name: 'Phòng Tổng hợp', kind: 'department', parent: 'van-phong-tinh-uy', phone: '0218 3852 111', functions: ['Tổng hợp tình hình, chuẩn bị báo cáo định kỳ của Ban Thường vụ Tỉnh ủy.'] },
    { slug: 'ban-to-chuc-tinh-uy', name: 'Ban Tổ chức Tỉnh ủy', kind: 'department', parent: 'tinh-uy-hoa-binh', phone: '0218 3852 102', email: 'bantochuc@tinhuy.hoabinh.example.vn', functions: ['Tham mưu về tổ chức bộ máy, cán bộ, đảng viên và bảo vệ chính trị nội bộ.'] },
    { slug: 'ban-tuyen-giao-tinh-uy', name: 'Ban Tuyên giáo Tỉnh ủy', kind: 'department', parent: 'tinh-uy-hoa-binh', phone: '0218 3852 103', email: 'bantuyengiao@tinhuy.hoabinh.example.vn', functions: ['Tham mưu về công tác chính trị, tư tưởng, lý luận, tuyên truyền, báo chí, văn hóa, văn nghệ.'] },
    { slug: 'uy-ban-kiem-tra-tinh-uy', name: 'Ủy ban Kiểm tra Tỉnh ủy', kind: 'department', parent: 'tinh-uy-hoa-binh', phone: '0218 3852 104', functions: ['Kiểm tra, giám sát việc chấp hành Điều lệ Đảng, nghị quyết, chỉ thị của Đảng.'] },
    { slug: 'truong-chinh-tri-tinh', name: 'Trường Chính trị tỉnh', kind: 'attached', parent: 'tinh-uy-hoa-binh', phone: '0218 3852 200', functions: ['Đào tạo, bồi dưỡng lý luận chính trị cho cán bộ, đảng viên của tỉnh.'] },
  ],
  people: [
    { slug: 'dang-thi-huong', name: 'Đặng Thị Hương', title: 'Bí thư Tỉnh ủy', unit: 'tinh-uy-hoa-binh', phone: '0218 3852 001', email: 'dthuong@tinhuy.hoabinh.example.vn', bio: 'Sinh năm 1970, quê quán tỉnh Hòa Bình. Thạc sĩ Quản lý công.', leader: true },
    { slug: 'nguyen-van-duc', name: 'Nguyễn Văn Đức', title: 'Phó Bí thư Thường trực Tỉnh ủy', unit: 'tinh-uy-hoa-binh', phone: '0218 3852 002', email: 'nvduc@tinhuy.hoabinh.example.vn', bio: 'Sinh năm 1972. Cử nhân Luật, Cao cấp lý luận chính trị.', leader: true },
    { slug: 'bui-quoc-khanh', name: 'Bùi Quốc Khánh', title: 'Phó Bí thư Tỉnh ủy', unit: 'tinh-uy-hoa-binh', phone: '0218 3852 003', email: 'bqkhanh@tinhuy.hoabinh.example.vn', leader: true },
    { slug: 'luong-thi-thu', name: 'Lương Thị Thu', title: 'Chánh Văn phòng Tỉnh ủy', unit: 'van-phong-tinh-uy', phone: '0218 3852 101', email: 'ltthu@tinhuy.hoabinh.example.vn', contact: true, spokesperson: true },
    { slug: 'dinh-cong-son', name: 'Đinh Công Sơn', title: 'Trưởng phòng Tổng hợp', unit: 'phong-tong-hop', phone: '0218 3852 111', email: 'dcson@tinhuy.hoabinh.example.vn', contact: true },
    { slug: 'quach-minh-tuan', name: 'Quách Minh Tuấn', title: 'Trưởng Ban Tổ chức Tỉnh ủy', unit: 'ban-to-chuc-tinh-uy', phone: '0218 3852 102', email: 'qmtuan@tinhuy.hoabinh.example.vn' },
    { slug: 'xa-thi-lan', name: 'Xa Thị Lan', title: 'Trưởng Ban Tuyên giáo Tỉnh ủy', unit: 'ban-tuyen-giao-tinh-uy', phone: '0218 3852 103', email: 'xtlan@tinhuy.hoabinh.example.vn', contact: true },
  ],
}

const KONTUM: DemoOrganisation = {
  units: [
    {
      slug: 'ubnd-tinh-kon-tum',
      name: 'Ủy ban nhân dân tỉnh Kon Tum',
      kind: 'agency',
      address: 'Số 71 Trần Phú, thành phố Kon Tum (bản trình diễn)',
      phone: '0260 3862 000',
      email: 'ubnd@kontum.example.vn',
      website: 'https://kontum.example.vn',
      functions: [
        'Ủy ban nhân dân tỉnh là cơ quan chấp hành của Hội đồng nhân dân tỉnh, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân tỉnh và cơ quan hành chính nhà nước cấp trên.',
        'Tổ chức thi hành Hiến pháp, pháp luật, nghị quyết của Hội đồng nhân dân tỉnh; quản lý nhà nước về kinh tế - xã hội trên địa bàn tỉnh.',
      ],
    },
    { slug: 'van-phong-ubnd-tinh', name: 'Văn phòng UBND tỉnh', kind: 'department', parent: 'ubnd-tinh-kon-tum', phone: '0260 3862 001', email: 'vanphong@kontum.example.vn', functions: ['Tham mưu tổng hợp, giúp Ủy ban nhân dân tỉnh tổ chức các hoạt động chung; bảo đảm thông tin phục vụ chỉ đạo, điều hành.'] },
    { slug: 'trung-tam-phuc-vu-hanh-chinh-cong', name: 'Trung tâm Phục vụ hành chính công', kind: 'attached', parent: 'van-phong-ubnd-tinh', phone: '0260 3862 555', email: 'hcc@kontum.example.vn', functions: ['Tiếp nhận, trả kết quả thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.'] },
    { slug: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department', parent: 'ubnd-tinh-kon-tum', phone: '0260 3862 010', email: 'sonoivu@kontum.example.vn', functions: ['Tham mưu quản lý nhà nước về tổ chức bộ máy, công chức, viên chức, chính quyền địa phương.'] },
    { slug: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'department', parent: 'ubnd-tinh-kon-tum', phone: '0260 3862 020', email: 'sotaichinh@kontum.example.vn', functions: ['Tham mưu quản lý nhà nước về tài chính, ngân sách, giá, tài sản công.'] },
    { slug: 'so-khoa-hoc-va-cong-nghe', name: 'Sở Khoa học và Công nghệ', kind: 'department', parent: 'ubnd-tinh-kon-tum', phone: '0260 3862 030', email: 'sokhcn@kontum.example.vn', functions: ['Tham mưu quản lý nhà nước về khoa học, công nghệ, chuyển đổi số, thông tin và truyền thông.'] },
  ],
  people: [
    { slug: 'a-thong', name: 'A Thông', title: 'Chủ tịch UBND tỉnh', unit: 'ubnd-tinh-kon-tum', phone: '0260 3862 100', email: 'athong@kontum.example.vn', bio: 'Sinh năm 1971, dân tộc Xơ Đăng. Thạc sĩ Kinh tế.', leader: true },
    { slug: 'y-ngoc', name: 'Y Ngọc', title: 'Phó Chủ tịch UBND tỉnh', unit: 'ubnd-tinh-kon-tum', phone: '0260 3862 101', email: 'yngoc@kontum.example.vn', leader: true },
    { slug: 'tran-duc-hai', name: 'Trần Đức Hải', title: 'Phó Chủ tịch UBND tỉnh', unit: 'ubnd-tinh-kon-tum', phone: '0260 3862 102', email: 'tdhai@kontum.example.vn', leader: true },
    { slug: 'ho-thi-nga', name: 'Hồ Thị Nga', title: 'Chánh Văn phòng UBND tỉnh', unit: 'van-phong-ubnd-tinh', phone: '0260 3862 001', email: 'htnga@kontum.example.vn', contact: true, spokesperson: true },
    { slug: 'le-van-sang', name: 'Lê Văn Sáng', title: 'Giám đốc Trung tâm Phục vụ hành chính công', unit: 'trung-tam-phuc-vu-hanh-chinh-cong', phone: '0260 3862 555', email: 'lvsang@kontum.example.vn', contact: true },
    { slug: 'nguyen-thi-duyen', name: 'Nguyễn Thị Duyên', title: 'Giám đốc Sở Nội vụ', unit: 'so-noi-vu', phone: '0260 3862 010', email: 'ntduyen@kontum.example.vn' },
  ],
}

export const DEMO_ORGANISATIONS: Record<string, DemoOrganisation> = { hoabinh: HOABINH, kontum: KONTUM }

/**
 * The demo organisation of a site: its units (parents first), then its people, leaders with a
 * drawn portrait, each with its English version where one is written (demoOrganisationEnglish.ts).
 * Idempotent: each document is looked up by its slug on the site.
 */
export async function seedDemoOrganisation(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>): Promise<void> {
  const demo = DEMO_ORGANISATIONS[site.key]
  if (!demo) return
  const english = DEMO_ENGLISH[site.key]
  const inSite = (slug: string): Where => ({ and: [{ site: { equals: site.id } }, { slug: { equals: slug } }] })
  const units = new Map<string, number>()
  for (const unit of demo.units) {
    const existing = await payload.find({ collection: 'units', where: inSite(unit.slug), draft: true, limit: 1, depth: 0 })
    if (existing.docs[0]) {
      report.existing++
      units.set(unit.slug, existing.docs[0].id)
      continue
    }
    const { functions, parent, ...fields } = unit
    const created = await payload.create({
      collection: 'units',
      data: { ...fields, functions: paragraphsToLexical(functions), parent: parent ? units.get(parent) : undefined, order: demo.units.indexOf(unit), site: site.id, _status: 'published' },
      depth: 0,
      req,
    })
    units.set(unit.slug, created.id)
    const translated = english?.units[unit.slug]
    // A copy of the request: Payload keeps the locale it is given on the request object, and the
    // seed's next documents must be written in Vietnamese.
    if (translated) {
      const data = { name: translated.name, address: translated.address, functions: paragraphsToLexical(translated.functions), _status: 'published' as const }
      await payload.update({ collection: 'units', id: created.id, locale: 'en', data, depth: 0, req: { ...req } })
    }
    report.created++
  }
  for (const [index, person] of demo.people.entries()) {
    const existing = await payload.count({ collection: 'people', where: inSite(person.slug) })
    if (existing.totalDocs > 0) {
      report.existing++
      continue
    }
    const { unit, leader, contact, spokesperson, ...fields } = person
    let photo: number | undefined
    if (leader) {
      const data = await drawConferencePhoto(100 + index, site.primaryColor ?? '#a50e0e', site.accentColor ?? '#f2c200')
      const media = await payload.create({
        collection: 'media',
        data: { alt: `Ảnh chân dung ${person.name}`, caption: `${person.name}, ${person.title}`, credit: 'Ảnh minh họa', site: site.id },
        file: { data, mimetype: 'image/jpeg', name: `${site.key}-${person.slug}.jpg`, size: data.length },
        depth: 0,
      })
      photo = media.id
      report.created++
    }
    const created = await payload.create({
      collection: 'people',
      data: { ...fields, unit: units.get(unit), photo, order: index, isLeader: Boolean(leader), isContact: Boolean(contact), isSpokesperson: Boolean(spokesperson), site: site.id, _status: 'published' },
      depth: 0,
      req,
    })
    const translated = english?.people[person.slug]
    if (translated) await payload.update({ collection: 'people', id: created.id, locale: 'en', data: { ...translated, _status: 'published' }, depth: 0, req: { ...req } })
    report.created++
  }
}
