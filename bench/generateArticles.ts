import type { Client } from '@libsql/client'
import type { Pool } from 'pg'

import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Article } from '../src/payload-types.ts'

import { lexicalPlainText, paragraphsToLexical } from '../src/lib/lexical.ts'
import { slugify, toSearchText } from '../src/lib/vietnamese.ts'
import { prepareSqliteReads, sqliteClientOf } from '../src/db/sqliteStatistics.ts'
import { rebuildReadModel } from '../src/site/readModel/rebuild.ts'
import { benchEnv } from './env.ts'
import { generateDocuments } from './generateDocuments.ts'

/**
 * Fills a fresh bench database: the demo content, then `--articles N` published articles of the
 * 'hoabinh' site (host `localhost`), with Vietnamese text and dates spread over five years, and
 * `--documents N` legal documents in its register (bench/generateDocuments.ts), on
 * SQLite in DIR or on the PostgreSQL database of `--database-url` (media in DIR either way).
 * Writes `manifest.json` last, so the orchestrator can tell a finished database from a broken one.
 * Usage: node --conditions=production --import tsx bench/generateArticles.ts --articles N [--documents N] --out DIR [--database-url URL]
 */

export type Manifest = {
  articles: number
  /** The 'hoabinh' site, and its first category (for the listing row). */
  siteId: number
  categorySlug: string
  categoryId: number
  sampleSlug: string
  /** Articles spread over the whole database, for page-cache misses on many different pages. */
  slugs: string[]
  /** Two or three consecutive words of article titles, as readers type them (with diacritics). */
  searchQueries: string[]
  /** Legal documents of the same site, and a register address with two filters. */
  documents: number
  documentFilterPath: string
  /** Seconds spent writing the articles, rebuilding the read model, and in all. */
  generatedSeconds: number
  rebuildSeconds: number
  seconds: number
  /** When the database was generated. */
  date: string
}

const SAMPLES = 2000

const { values } = parseArgs({ options: { articles: { type: 'string' }, documents: { type: 'string', default: '0' }, out: { type: 'string' }, 'database-url': { type: 'string' } } })
const total = Number(values.articles)
const documentTotal = Number(values.documents)
if (!Number.isInteger(documentTotal) || documentTotal < 0) throw new Error(`--documents must be a whole number, got "${values.documents}"`)
if (!Number.isInteger(total) || total < 1 || !values.out) throw new Error('usage: generateArticles.ts --articles N [--documents N] --out DIR [--database-url postgres://…]')
const outDir = path.resolve(values.out)

// Env is read once per process, so it must be complete before Payload is loaded below.
Object.assign(process.env, benchEnv(outDir, undefined, values['database-url']))

/** Deterministic random numbers (mulberry32), so every generated database has the same text. */
let seed = 20261123
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

const ORGS = [
  'UBND tỉnh', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Nông nghiệp và Phát triển nông thôn', 'Huyện ủy Mai Châu',
  'UBND huyện Lạc Sơn', 'UBND thành phố Hòa Bình', 'Hội Liên hiệp Phụ nữ tỉnh', 'Tỉnh đoàn', 'Ban Dân vận Tỉnh ủy',
  'Sở Tài chính', 'Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh', 'Sở Văn hóa, Thể thao và Du lịch', 'UBND huyện Đà Bắc',
  'UBND huyện Tân Lạc', 'Huyện ủy Kim Bôi', 'UBND huyện Lương Sơn', 'Sở Kế hoạch và Đầu tư', 'Ủy ban MTTQ Việt Nam tỉnh',
]
const ACTIONS = [
  'tổ chức hội nghị sơ kết', 'triển khai kế hoạch', 'tổng kết công tác', 'phát động phong trào thi đua về',
  'kiểm tra tiến độ', 'đẩy mạnh', 'tăng cường công tác', 'ký kết chương trình phối hợp về', 'tập huấn nghiệp vụ',
  'trao đổi kinh nghiệm về', 'hướng dẫn thực hiện', 'biểu dương điển hình tiên tiến trong',
]
const TOPICS = [
  'chuyển đổi số', 'cải cách hành chính', 'xây dựng nông thôn mới', 'phòng, chống thiên tai', 'giảm nghèo bền vững',
  'phát triển du lịch cộng đồng', 'bảo vệ và phát triển rừng', 'bảo đảm trật tự an toàn giao thông', 'phòng cháy, chữa cháy',
  'tiêm chủng mở rộng', 'giáo dục nghề nghiệp', 'thu hút đầu tư', 'chăm sóc sức khỏe ban đầu', 'xây dựng Đảng',
  'bảo tồn văn hóa dân tộc Mường', 'phát triển kinh tế hợp tác xã', 'dạy và học ngoại ngữ', 'phòng, chống ma túy',
]
const PERIODS = ['6 tháng đầu năm', 'quý I', 'quý III', 'năm', 'giai đoạn 2021-2025']
const PEOPLE = [
  'Bùi Văn Thắng', 'Đinh Thị Hương', 'Nguyễn Văn Toàn', 'Quách Thế Tản', 'Bùi Đức Hinh', 'Hoàng Thị Lan',
  'Trần Quốc Khánh', 'Đinh Công Sứ', 'Nguyễn Phi Long', 'Bùi Thị Hạnh',
]
const POSITIONS = ['Phó Chủ tịch UBND tỉnh', 'Phó Bí thư Tỉnh ủy', 'Giám đốc Sở', 'Chủ tịch UBND huyện', 'Trưởng Ban Dân vận Tỉnh ủy']
const BYLINES = ['Minh Thu', 'Đức Anh', 'Hải Yến', 'Ngọc Lan', 'Phương Linh', 'Trung Kiên', 'Thanh Hà']

function generateArticle(index: number, now: number) {
  // Spread over five years, newest first by index, with a random time of day.
  const publishedAt = new Date(now - (index / total) * 5 * 365 * 86_400_000 - between(0, 86_400_000))
  const year = publishedAt.getUTCFullYear()
  const [org, action, topic] = [pick(ORGS), pick(ACTIONS), pick(TOPICS)]
  const title = `${org} ${action} ${topic} ${pick(PERIODS)} ${year}`
  const date = `${publishedAt.getUTCDate()}/${publishedAt.getUTCMonth() + 1}/${year}`
  const person = `đồng chí ${pick(PEOPLE)}, ${pick(POSITIONS)}`
  const paragraphs = [
    `Theo báo cáo, thời gian qua công tác ${topic} trên địa bàn đã đạt nhiều kết quả tích cực. Toàn tỉnh có ${between(12, 240)} đơn vị hoàn thành chỉ tiêu, tăng ${between(2, 35)}% so với cùng kỳ năm trước; nhiều mô hình hay, cách làm sáng tạo được nhân rộng.`,
    `Phát biểu chỉ đạo, ${person} ghi nhận những nỗ lực của các cấp, các ngành; đồng thời đề nghị tiếp tục quán triệt, triển khai đồng bộ các giải pháp, gắn trách nhiệm người đứng đầu với kết quả thực hiện nhiệm vụ.`,
    `Bên cạnh những kết quả đạt được, ${org} cũng chỉ ra một số hạn chế như nguồn lực còn khó khăn, việc phối hợp giữa các cơ quan có lúc chưa chặt chẽ, một số chỉ tiêu đạt thấp so với kế hoạch đề ra.`,
    `Các đại biểu đã tập trung thảo luận, làm rõ nguyên nhân và đề xuất nhiều giải pháp thiết thực nhằm nâng cao hiệu quả ${topic} trong thời gian tới, nhất là ở các xã vùng cao, vùng đặc biệt khó khăn.`,
    `Dịp này, ${between(3, 30)} tập thể và ${between(5, 60)} cá nhân có thành tích xuất sắc được ${org} tặng Giấy khen.`,
    `Năm ${year + 1}, ${org} đặt mục tiêu hoàn thành ${between(90, 100)}% kế hoạch, tập trung vào ${pick(TOPICS)} và ${pick(TOPICS)}.`,
  ]
  const body = paragraphs.filter((_, i) => i < 2 || random() < 0.7)
  return {
    title,
    // The index keeps slugs unique however the random titles collide; the slug field cuts at
    // 120 characters, so leave room for it.
    slug: `${slugify(title, 100)}-${index + 1}`,
    lead: `Ngày ${date}, ${org} ${action} ${topic}. Tham dự có đại diện lãnh đạo ${pick(ORGS)} và các cơ quan, đơn vị liên quan.`,
    // Lexical's own type lacks the index signature of the generated one; the shape is the same.
    body: paragraphsToLexical(body) as unknown as Article['body'],
    byline: pick(BYLINES),
    publishedAt: publishedAt.toISOString(),
    featured: random() < 0.02,
    views: between(0, 5000),
  }
}

/** How many of the newest articles are made through Payload's create; the rest in bulk. */
const PAYLOAD_CREATES = 1000
/** Articles per bulk transaction, and per multi-row INSERT on PostgreSQL (14 parameters each). */
const BULK_CHUNK = 10_000
const PG_ROWS_PER_INSERT = 1000

function progress(done: number, started: number): void {
  if (done % 10_000 === 0 || done === total || done === PAYLOAD_CREATES) {
    console.log(`  ${done}/${total} articles (${Math.round((Date.now() - started) / 1000)} s)`)
  }
}

type BulkArticle = ReturnType<typeof generateArticle> & { cover: number | null; category: number }

/** The columns Payload would write for a published article, with the derived search fields. */
function columns(siteId: number, article: BulkArticle, stamp: string) {
  return [
    siteId, article.title, article.slug, article.lead, article.cover, JSON.stringify(article.body), article.byline, article.publishedAt,
    article.featured, article.views, toSearchText(article.title),
    toSearchText([article.title, article.lead, lexicalPlainText(article.body)].join(' ')), stamp, stamp,
  ] as const
}
const ARTICLE_COLUMNS = `site_id, title, slug, lead, cover_id, body, byline, published_at, featured, views, search_title, search_text, updated_at, created_at,
  review_state, _status`

/** Writes one chunk of articles and their category in one SQLite transaction. */
async function insertSqlite(client: Client, siteId: number, articles: BulkArticle[]): Promise<void> {
  const transaction = await client.transaction('write')
  try {
    const stamp = new Date().toISOString()
    for (const article of articles) {
      const values = columns(siteId, article, stamp).map((value) => (typeof value === 'boolean' ? Number(value) : value))
      const inserted = await transaction.execute({
        sql: `INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (${values.map(() => '?').join(', ')}, 'approved', 'published') RETURNING id`,
        args: values,
      })
      await transaction.execute({
        sql: `INSERT INTO articles_rels ("order", parent_id, path, categories_id) VALUES (1, ?, 'categories', ?)`,
        args: [inserted.rows[0]!.id, article.category],
      })
    }
    await transaction.commit()
  } catch (error) {
    await transaction.rollback()
    throw error
  }
}

/** The same on PostgreSQL, with multi-row INSERTs. */
async function insertPostgres(pool: Pool, siteId: number, articles: BulkArticle[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const stamp = new Date().toISOString()
    for (let from = 0; from < articles.length; from += PG_ROWS_PER_INSERT) {
      const rows = articles.slice(from, from + PG_ROWS_PER_INSERT)
      const values: unknown[] = []
      const tuples = rows.map((article) => {
        const row = columns(siteId, article, stamp)
        const placeholders = row.map((_, index) => `$${values.length + index + 1}`)
        values.push(...row)
        return `(${placeholders.join(', ')}, 'approved', 'published')`
      })
      const inserted = await client.query<{ id: number; slug: string }>(`INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES ${tuples.join(', ')} RETURNING id, slug`, values)
      const idOf = new Map(inserted.rows.map((row) => [row.slug, row.id]))
      await client.query(
        `INSERT INTO articles_rels ("order", parent_id, path, categories_id) SELECT 1, parent, 'categories', category FROM unnest($1::int[], $2::int[]) AS t(parent, category)`,
        [rows.map((article) => idOf.get(article.slug)), rows.map((article) => article.category)],
      )
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const { startPayload, stopPayload } = await import('../src/server/startPayload.ts')
  const { seedDemoContent } = await import('../src/seed/seed.ts')
  const payload = await startPayload()
  try {
    await seedDemoContent(payload)
    const site = (await payload.find({ collection: 'sites', where: { key: { equals: 'hoabinh' } }, limit: 1, depth: 0 })).docs[0]
    if (!site) throw new Error("the demo seed made no 'hoabinh' site")
    const siteFilter = { site: { equals: site.id } }
    const categoryDocs = (await payload.find({ collection: 'categories', where: siteFilter, limit: 100, depth: 0, sort: 'id' })).docs
    const categories = categoryDocs.map((doc) => doc.id)
    // Reuse the demo photos as covers, so the home page populates images as it does in real use.
    const covers = (await payload.find({ collection: 'media', where: siteFilter, limit: 100, depth: 0 })).docs.map((doc) => doc.id)

    let sampleSlug = ''
    const slugs: string[] = []
    const searchQueries: string[] = []
    const sampleEvery = Math.max(1, Math.floor(total / SAMPLES))
    const sample = (index: number, article: { slug: string; title: string }) => {
      if (index === Math.floor(total / 2)) sampleSlug = article.slug
      if (index % sampleEvery !== 0) return
      slugs.push(article.slug)
      const words = article.title.split(' ')
      const length = 2 + (index % 2)
      const start = Math.floor(random() * Math.max(1, words.length - length))
      searchQueries.push(words.slice(start, start + length).join(' '))
    }
    const now = Date.now()
    const viaPayload = Math.min(total, PAYLOAD_CREATES)
    // The newest articles go through Payload, hooks and all, as an editor's would.
    for (let index = 0; index < viaPayload; index++) {
      const article = generateArticle(index, now)
      sample(index, article)
      await payload.create({
        collection: 'articles',
        data: { ...article, site: site.id, categories: [pick(categories)], cover: covers.length ? pick(covers) : null, _status: 'published' },
        depth: 0,
        context: { skipCaptionSync: true },
      })
      progress(index + 1, started)
    }
    // The older ones are written straight into the tables, with the same derived fields, since
    // Payload's create (hooks, versions) writes ≈ 100 articles a second: 100,000 would take 20 min.
    const sqlite = sqliteClientOf(payload)
    const pool = sqlite ? undefined : (payload.db as unknown as { pool?: Pool }).pool
    if (!sqlite && !pool) throw new Error('bulk generation needs SQLite or PostgreSQL')
    for (let from = viaPayload; from < total; from += BULK_CHUNK) {
      const chunk: BulkArticle[] = []
      for (let index = from; index < Math.min(total, from + BULK_CHUNK); index++) {
        const article = generateArticle(index, now)
        sample(index, article)
        chunk.push({ ...article, cover: covers.length ? pick(covers) : null, category: pick(categories) })
      }
      if (sqlite) await insertSqlite(sqlite, site.id, chunk)
      else await insertPostgres(pool!, site.id, chunk)
      progress(from + chunk.length, started)
    }
    const documentTerms = (await payload.find({ collection: 'document-terms', where: siteFilter, limit: 200, depth: 0, sort: 'order' })).docs
    const termsOf = (group: 'type' | 'issuer' | 'field') => documentTerms.filter((term) => term.group === group)
    const documents = await generateDocuments({
      sqlite,
      pool,
      siteId: site.id,
      terms: { type: termsOf('type'), issuer: termsOf('issuer'), field: termsOf('field') },
      total: documentTotal,
      now,
      random,
      progress: (done) => {
        if (done % 10_000 === 0 || done === documentTotal) console.log(`  ${done}/${documentTotal} documents (${Math.round((Date.now() - started) / 1000)} s)`)
      },
    })
    // Two filters a clerk combines: a type and a full year.
    const documentFilterPath = `/van-ban?loai=${termsOf('type')[0]!.slug}&nam=${new Date(now).getUTCFullYear() - 2}`
    const generatedSeconds = (Date.now() - started) / 1000
    // The bulk rows bypassed Payload's hooks: the read model is written from them as after a
    // restore, then the planner's statistics are refreshed.
    const rebuildStarted = Date.now()
    const { records } = await rebuildReadModel(payload, { progress: true })
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000
    console.log(`  read model rebuilt: ${records} records in ${Math.round(rebuildSeconds)} s`)
    if (sqlite) await prepareSqliteReads(sqlite, { refreshStatistics: true })
    else await pool!.query('ANALYZE')
    const manifest: Manifest = {
      articles: total,
      documents: documents.documents,
      documentFilterPath,
      siteId: site.id,
      categorySlug: categoryDocs[0]!.slug,
      categoryId: categoryDocs[0]!.id,
      sampleSlug,
      slugs,
      searchQueries,
      generatedSeconds: Math.round(generatedSeconds),
      rebuildSeconds: Math.round(rebuildSeconds),
      seconds: Math.round((Date.now() - started) / 1000),
      date: new Date().toISOString(),
    }
    fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2))
  } finally {
    await stopPayload(payload)
  }
}

// The PostgreSQL adapter leaves handles open, and the job runner may too: exit explicitly.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
