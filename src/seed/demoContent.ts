import type { Role } from '../access/roles.ts'

/** Original demo content: two provincial sites with staff of every role and conference-report articles. */

export const DEMO_PASSWORD = 'CongTin@2026'

export type DemoAuthor = { slug: string; name: string; unit: string; position: string; bio: string }
export type DemoNotice = { title: string; body: string; daysAgo: number; expiresInDays: number | null }

export type DemoSite = {
  key: string
  name: string
  agency: string
  governingBody: string
  licence: string
  editorInChief: string
  address: string
  phone: string
  email: string
  hosts: string[]
  primaryColor: string
  accentColor: string
  categories: { slug: string; title: string; order: number; parent?: string }[]
  authors: DemoAuthor[]
  tags: { slug: string; title: string }[]
  notices: DemoNotice[]
  banner: { title: string; link: string }
  video: { title: string; caption: string; embedUrl: string }
  articles: DemoArticle[]
}

export type DemoArticle = {
  title: string
  slug: string
  category: string
  lead: string
  paragraphs: string[]
  photoCaption: string
  /** A second photo inside the body, with its own caption. */
  bodyPhotoCaption?: string
  authors?: string[]
  tags?: string[]
  footnotes?: string[]
  byline?: string
  source?: string
  publishedAt: string
  featured?: boolean
  views: number
  status: 'draft' | 'published'
}

export type DemoUser = { email: string; name: string; role: Role; site?: string }

const CATEGORIES = [
  { slug: 'tin-tuc', title: 'Tin tức', order: 1 },
  { slug: 'tin-trong-tinh', title: 'Tin trong tỉnh', order: 1, parent: 'tin-tuc' },
  { slug: 'thi-dua-khen-thuong', title: 'Thi đua khen thưởng', order: 2 },
  { slug: 'thong-bao', title: 'Thông báo', order: 3 },
]

const TAGS = [
  { slug: 'hoi-nghi', title: 'Hội nghị' },
  { slug: 'thi-dua', title: 'Thi đua' },
  { slug: 'chuyen-doi-so', title: 'Chuyển đổi số' },
]

export const DEMO_SITES: DemoSite[] = [
  {
    key: 'hoabinh',
    name: 'Trang thông tin điện tử Tỉnh ủy Hòa Bình',
    agency: 'Tỉnh ủy Hòa Bình',
    governingBody: 'Văn phòng Tỉnh ủy Hòa Bình',
    licence: 'Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp (bản trình diễn)',
    editorInChief: 'Chánh Văn phòng Tỉnh ủy',
    address: 'Đường Trần Hưng Đạo, phường Phương Lâm, thành phố Hòa Bình',
    phone: '0218 3852 000',
    email: 'banbientap@hoabinh.example.vn',
    hosts: ['localhost', 'hoabinh.localhost'],
    primaryColor: '#a50e0e',
    accentColor: '#f2c200',
    categories: CATEGORIES,
    tags: TAGS,
    authors: [
      { slug: 'le-quynh', name: 'Lê Quỳnh', unit: 'Ban Tuyên giáo Tỉnh ủy', position: 'Phóng viên', bio: 'Theo dõi mảng công tác xây dựng Đảng.' },
      { slug: 'bao-minh', name: 'Bảo Minh', unit: 'Văn phòng Tỉnh ủy', position: 'Chuyên viên', bio: 'Biên tập tin hội nghị, sự kiện.' },
    ],
    notices: [
      { title: 'Lịch tiếp công dân định kỳ tháng 12', body: 'Trụ sở Tiếp công dân tỉnh tiếp công dân từ 7 giờ 30 ngày 15/12.', daysAgo: 2, expiresInDays: 60 },
      { title: 'Tạm ngừng cung cấp dịch vụ để bảo trì hệ thống', body: 'Trang thông tin tạm ngừng từ 22 giờ đến 23 giờ ngày 20/12.', daysAgo: 1, expiresInDays: 30 },
      { title: 'Thông báo đã hết hạn', body: 'Không còn hiển thị.', daysAgo: 90, expiresInDays: -30 },
    ],
    banner: { title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', link: '/chuyen-muc/tin-tuc' },
    video: {
      title: 'Phóng sự: Đảng bộ tỉnh sau một năm thực hiện Nghị quyết',
      caption: 'Phóng sự của Trung tâm Truyền thông tỉnh',
      embedUrl: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
    },
    articles: [
      {
        title: 'Khối thi đua các cơ quan Đảng tỉnh triển khai nhiệm vụ 6 tháng cuối năm',
        slug: 'khoi-thi-dua-cac-co-quan-dang-tinh-trien-khai-nhiem-vu-6-thang-cuoi-nam',
        category: 'thi-dua-khen-thuong',
        lead: 'Chiều 29/7, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.',
        paragraphs: [
          'Sáu tháng đầu năm, các cơ quan trong khối đã bám sát chương trình công tác, tổ chức nhiều phong trào thi đua thiết thực gắn với nhiệm vụ chính trị của từng đơn vị.',
          'Hội nghị thống nhất các nội dung trọng tâm theo Kế hoạch của Khối [1]: đẩy mạnh chuyển đổi số trong cơ quan Đảng, nâng cao chất lượng tham mưu và làm tốt công tác phát hiện, nhân rộng điển hình tiên tiến.',
          'Phát biểu kết luận, đồng chí Trưởng khối đề nghị các đơn vị tiếp tục phát huy tinh thần đoàn kết, hoàn thành xuất sắc nhiệm vụ năm.',
        ],
        photoCaption: 'Toàn cảnh Hội nghị',
        bodyPhotoCaption: 'Đồng chí Trưởng khối phát biểu kết luận Hội nghị',
        tags: ['hoi-nghi', 'thi-dua'],
        footnotes: ['Kế hoạch số 15-KH/KTĐ ngày 10/01 của Khối thi đua các cơ quan Đảng tỉnh.'],
        byline: 'Đoàn Hương - TTCNTT',
        source: 'Ban Biên tập',
        publishedAt: '2020-07-29T09:30:00.000Z',
        featured: true,
        views: 333,
        status: 'published',
      },
      {
        title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ mười',
        slug: 'hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-muoi',
        category: 'tin-trong-tinh',
        lead: 'Ngày 05/12, Ban Chấp hành Đảng bộ tỉnh họp hội nghị lần thứ mười, cho ý kiến vào báo cáo kết quả thực hiện nhiệm vụ năm và phương hướng năm tới.',
        paragraphs: [
          'Hội nghị đánh giá các chỉ tiêu kinh tế - xã hội cơ bản đạt và vượt kế hoạch; công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển biến.',
          'Các đại biểu tập trung thảo luận giải pháp thu hút đầu tư, phát triển nông nghiệp hàng hóa và du lịch cộng đồng.',
        ],
        photoCaption: 'Các đại biểu dự Hội nghị',
        bodyPhotoCaption: 'Toàn cảnh Hội nghị',
        authors: ['bao-minh'],
        tags: ['hoi-nghi'],
        source: 'Văn phòng Tỉnh ủy',
        publishedAt: '2020-12-05T02:00:00.000Z',
        featured: true,
        views: 1248,
        status: 'published',
      },
      {
        title: 'Thông báo lịch tiếp công dân của Bí thư Tỉnh ủy tháng 12',
        slug: 'thong-bao-lich-tiep-cong-dan-thang-12',
        category: 'thong-bao',
        lead: 'Văn phòng Tỉnh ủy thông báo lịch tiếp công dân định kỳ của đồng chí Bí thư Tỉnh ủy trong tháng 12.',
        paragraphs: ['Địa điểm: Trụ sở Tiếp công dân tỉnh. Thời gian: từ 7 giờ 30 phút ngày 15/12.'],
        photoCaption: 'Trụ sở Tiếp công dân tỉnh',
        source: 'Văn phòng Tỉnh ủy',
        publishedAt: '2020-12-01T01:00:00.000Z',
        views: 87,
        status: 'published',
      },
      {
        title: 'Dự thảo: Kế hoạch tổng kết công tác năm của Ban Tuyên giáo',
        slug: 'du-thao-ke-hoach-tong-ket-cong-tac-nam',
        category: 'tin-tuc',
        lead: 'Bản nháp chưa công bố, chỉ biên tập viên được xem.',
        paragraphs: ['Nội dung đang được hoàn thiện.'],
        photoCaption: 'Ảnh minh họa',
        publishedAt: '2020-12-10T01:00:00.000Z',
        views: 0,
        status: 'draft',
      },
    ],
  },
  {
    key: 'kontum',
    name: 'Cổng thông tin điện tử tỉnh Kon Tum',
    agency: 'Ủy ban nhân dân tỉnh Kon Tum',
    governingBody: 'Văn phòng UBND tỉnh Kon Tum',
    licence: 'Giấy phép số 34/GP-TTĐT (bản trình diễn)',
    editorInChief: 'Chánh Văn phòng UBND tỉnh',
    address: 'Số 71 Trần Phú, thành phố Kon Tum',
    phone: '0260 3862 000',
    email: 'congthongtin@kontum.example.vn',
    hosts: ['127.0.0.1', 'kontum.localhost'],
    primaryColor: '#0b5394',
    accentColor: '#f6b26b',
    categories: CATEGORIES,
    tags: TAGS,
    authors: [{ slug: 'le-quynh', name: 'Lê Quỳnh', unit: 'Sở Thông tin và Truyền thông', position: 'Biên tập viên', bio: 'Phụ trách tin chuyển đổi số.' }],
    notices: [
      { title: 'Thông báo tuyển dụng viên chức năm 2020', body: 'Hồ sơ nộp tại Sở Nội vụ đến hết ngày 30/9.', daysAgo: 3, expiresInDays: 45 },
    ],
    banner: { title: 'Cổng dịch vụ công tỉnh Kon Tum', link: 'https://dichvucong.kontum.example.vn' },
    video: {
      title: 'Kon Tum đẩy mạnh xây dựng chính quyền số',
      caption: 'Bản tin thời sự tỉnh',
      embedUrl: 'https://youtu.be/M7lc1UVf-VE',
    },
    articles: [
      {
        title: 'Hội nghị sơ kết công tác thi đua khen thưởng 6 tháng đầu năm',
        slug: 'hoi-nghi-so-ket-cong-tac-thi-dua-khen-thuong-6-thang-dau-nam',
        category: 'thi-dua-khen-thuong',
        lead: 'Sáng 30/6, Hội đồng Thi đua - Khen thưởng tỉnh tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm.',
        paragraphs: [
          'Các phong trào thi đua yêu nước được triển khai rộng khắp, gắn với thực hiện các chương trình mục tiêu quốc gia trên địa bàn tỉnh.',
          'Hội nghị đã khen thưởng 12 tập thể và 25 cá nhân có thành tích xuất sắc.',
        ],
        photoCaption: 'Toàn cảnh Hội nghị',
        tags: ['hoi-nghi', 'thi-dua'],
        byline: 'Văn phòng Sở',
        source: 'Sở Nội vụ',
        publishedAt: '2020-06-30T03:15:00.000Z',
        featured: true,
        views: 512,
        status: 'published',
      },
      {
        title: 'Điện Biên và Kon Tum trao đổi kinh nghiệm chuyển đổi số',
        slug: 'dien-bien-va-kon-tum-trao-doi-kinh-nghiem-chuyen-doi-so',
        category: 'tin-tuc',
        lead: 'Đoàn công tác tỉnh Điện Biên đến làm việc, trao đổi kinh nghiệm xây dựng chính quyền số tại tỉnh Kon Tum.',
        paragraphs: [
          'Hai bên chia sẻ cách triển khai hệ thống thông tin báo cáo, cổng dịch vụ công và nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.',
          'Đoàn đã tham quan Trung tâm Phục vụ hành chính công tỉnh.',
        ],
        photoCaption: 'Quang cảnh buổi làm việc',
        bodyPhotoCaption: 'Đoàn công tác tham quan Trung tâm Phục vụ hành chính công tỉnh',
        authors: ['le-quynh'],
        tags: ['chuyen-doi-so'],
        source: 'Sở Thông tin và Truyền thông',
        publishedAt: '2020-08-09T01:30:00.000Z',
        views: 96,
        status: 'published',
      },
      {
        title: 'Thông báo tuyển dụng viên chức năm 2020',
        slug: 'thong-bao-tuyen-dung-vien-chuc-nam-2020',
        category: 'thong-bao',
        lead: 'UBND tỉnh thông báo tuyển dụng viên chức làm việc tại các đơn vị sự nghiệp công lập trực thuộc.',
        paragraphs: ['Hồ sơ nộp trực tiếp tại Sở Nội vụ đến hết ngày 30/9/2020.'],
        photoCaption: 'Sở Nội vụ tỉnh',
        source: 'Sở Nội vụ',
        publishedAt: '2020-09-01T02:00:00.000Z',
        views: 2455,
        status: 'published',
      },
    ],
  },
]

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@congtin.local', name: 'Quản trị hệ thống', role: 'admin' },
  ...DEMO_SITES.flatMap((site): DemoUser[] => [
    { email: `bientap.${site.key}@congtin.local`, name: `Biên tập viên ${site.agency}`, role: 'editor', site: site.key },
    { email: `phongvien.${site.key}@congtin.local`, name: `Phóng viên ${site.agency}`, role: 'reporter', site: site.key },
    { email: `kiemduyet.${site.key}@congtin.local`, name: `Kiểm duyệt thăm dò ${site.agency}`, role: 'pollModerator', site: site.key },
  ]),
]
