import type { Client } from '@libsql/client'
import type { Pool } from 'pg'

import type { DocumentTerm } from '../src/payload-types.ts'

import { documentSlug, numberKey } from '../src/documents/number.ts'
import { toSearchText } from '../src/lib/vietnamese.ts'

/**
 * The documents register of a bench database: legal documents of one site written straight into
 * the `documents` table with the fields Payload's hooks would derive (slug, number key, search
 * words), spread over the site's types, issuers and fields and over ten years. The read model is
 * then rebuilt from them with the rest (bench/generateArticles.ts).
 */

type Random = () => number
type Terms = { type: DocumentTerm[]; issuer: DocumentTerm[]; field: DocumentTerm[] }

const DAY = 86_400_000
const YEARS = 10
const CHUNK = 10_000
const PG_ROWS_PER_INSERT = 1000

/** Letters of a type's and an issuer's symbol, as in "278/QĐ-UBND". */
const symbolOf = (title: string) =>
  title
    .split(/\s+/)
    .map((word) => word[0]!.toUpperCase())
    .join('')

const SUBJECTS = [
  'phê duyệt quy hoạch sử dụng đất', 'giao dự toán thu, chi ngân sách nhà nước', 'kiện toàn Ban Chỉ đạo chuyển đổi số',
  'ban hành Quy chế làm việc', 'hỗ trợ học sinh vùng đặc biệt khó khăn', 'tăng cường công tác phòng, chống thiên tai',
  'triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững', 'sắp xếp đơn vị hành chính cấp xã',
  'phê duyệt danh mục thủ tục hành chính', 'bảo tồn và phát triển vùng chè Shan tuyết', 'đẩy mạnh cải cách hành chính',
  'quy định giá đất', 'thành lập Hội đồng thẩm định', 'phân bổ kinh phí sự nghiệp giáo dục',
]
const PLACES = ['trên địa bàn tỉnh', 'huyện Mai Châu', 'huyện Lạc Sơn', 'thành phố Hòa Bình', 'huyện Đà Bắc', 'các xã vùng cao']
const SIGNERS = ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh', 'Chủ tịch HĐND tỉnh', 'Bí thư Tỉnh ủy', 'Giám đốc Sở']

export type GeneratedDocuments = { documents: number; seconds: number }

/** The columns written for a published document; review state and status are added as constants. */
const DOCUMENT_COLUMNS =
  'site_id, number, type_id, abstract, issuer_id, field_id, signer, issued_at, effective_at, expires_at, slug, number_key, search_text, updated_at, created_at, review_state, _status'

export async function generateDocuments(options: {
  sqlite?: Client
  pool?: Pool
  siteId: number
  terms: Terms
  total: number
  now: number
  random: Random
  progress: (done: number) => void
}): Promise<GeneratedDocuments> {
  const { siteId, terms, total, now, random } = options
  if (!terms.type.length || !terms.issuer.length || !terms.field.length) throw new Error('the site has no document types, issuers or fields to file documents under')
  const started = Date.now()
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  // Numbers run per type, issuer and year, as in a real register, so (number, year) is unique.
  const counters = new Map<string, number>()
  const generate = (index: number) => {
    const issuedAt = new Date(now - (index / total) * YEARS * 365 * DAY - Math.floor(random() * DAY))
    const year = issuedAt.getUTCFullYear()
    const [type, issuer, field] = [pick(terms.type), pick(terms.issuer), pick(terms.field)]
    const key = `${type.id}|${issuer.id}|${year}`
    const sequence = (counters.get(key) ?? 0) + 1
    counters.set(key, sequence)
    const number = `${sequence}/${symbolOf(type.title)}-${symbolOf(issuer.title)}`
    const abstract = `Về việc ${pick(SUBJECTS)} ${pick(PLACES)} năm ${year}`
    const signer = pick(SIGNERS)
    const expiresAt = random() < 0.1 ? new Date(issuedAt.getTime() + (200 + Math.floor(random() * 1500)) * DAY).toISOString() : null
    const effectiveAt = random() < 0.3 ? new Date(issuedAt.getTime() + Math.floor(random() * 45) * DAY).toISOString() : null
    const stamp = new Date().toISOString()
    return [
      siteId, number, type.id, abstract, issuer.id, field.id, signer, issuedAt.toISOString(), effectiveAt, expiresAt,
      documentSlug(number, issuedAt.toISOString()), numberKey(number), toSearchText([number, abstract, signer].join(' ')), stamp, stamp,
    ] as const
  }
  for (let from = 0; from < total; from += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, total - from) }, (_, offset) => generate(from + offset))
    if (options.sqlite) await insertSqlite(options.sqlite, rows)
    else if (options.pool) await insertPostgres(options.pool, rows)
    else throw new Error('bulk generation needs SQLite or PostgreSQL')
    options.progress(from + rows.length)
  }
  return { documents: total, seconds: (Date.now() - started) / 1000 }
}

type Row = readonly unknown[]

async function insertSqlite(client: Client, rows: Row[]): Promise<void> {
  const transaction = await client.transaction('write')
  try {
    for (const row of rows) {
      await transaction.execute({
        sql: `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (${row.map(() => '?').join(', ')}, 'approved', 'published')`,
        args: row as (string | number | null)[],
      })
    }
    await transaction.commit()
  } catch (error) {
    await transaction.rollback()
    throw error
  }
}

async function insertPostgres(pool: Pool, rows: Row[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (let from = 0; from < rows.length; from += PG_ROWS_PER_INSERT) {
      const values: unknown[] = []
      const tuples = rows.slice(from, from + PG_ROWS_PER_INSERT).map((row) => {
        const placeholders = row.map((_, index) => `$${values.length + index + 1}`)
        values.push(...row)
        return `(${placeholders.join(', ')}, 'approved', 'published')`
      })
      await client.query(`INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES ${tuples.join(', ')}`, values)
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
