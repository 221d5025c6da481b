import type { PayloadHandler, Where } from 'payload'

import type { AuditEntry } from '../../payload-types.ts'

import { isAdmin } from '../../access/roles.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { toCsv } from '../../polls/csv.ts'
import { AUDIT_ACTIONS, AUDIT_COLLECTION, type AuditAction } from './actions.ts'

const MAX_ROWS = 100_000

/** Filters from the query string: action, collection, email, from and to (ISO dates). */
export function auditFilter(params: URLSearchParams): Where {
  const and: Where[] = []
  const action = params.get('action')
  if (action && action in AUDIT_ACTIONS) and.push({ action: { equals: action } })
  const collection = params.get('collection')
  if (collection) and.push({ collectionSlug: { equals: collection } })
  const email = params.get('email')
  if (email) and.push({ userEmail: { equals: email.toLowerCase() } })
  for (const [name, operator] of [['from', 'greater_than_equal'], ['to', 'less_than']] as const) {
    const value = params.get(name)
    if (value && !Number.isNaN(Date.parse(value))) and.push({ createdAt: { [operator]: new Date(value).toISOString() } })
  }
  return { and }
}

export function auditCsv(entries: AuditEntry[]): string {
  return toCsv([
    ['Thời gian', 'Thao tác', 'Loại nội dung', 'Mã tài liệu', 'Tài liệu', 'Trang', 'Trường đã sửa', 'Chi tiết', 'Người thực hiện', 'Địa chỉ (băm)'],
    ...entries.map((entry) => [
      formatDateTime(entry.createdAt),
      AUDIT_ACTIONS[entry.action as AuditAction]?.vi ?? entry.action,
      entry.collectionSlug,
      entry.documentId,
      entry.title,
      typeof entry.site === 'object' ? entry.site?.id : entry.site,
      entry.fields,
      entry.detail,
      entry.userEmail,
      entry.addressHash,
    ]),
  ])
}

/** GET /api/audit-entries/export.csv?action=&collection=&email=&from=&to= — administrators only. */
export const exportAuditCsv: PayloadHandler = async (req) => {
  if (!isAdmin(req.user)) return Response.json({ message: 'Chỉ quản trị hệ thống được xuất nhật ký.' }, { status: 403 })
  const params = new URL(req.url ?? '', 'http://localhost').searchParams
  const found = await req.payload.find({ collection: AUDIT_COLLECTION, where: auditFilter(params), sort: '-createdAt', limit: MAX_ROWS, pagination: false, depth: 0, overrideAccess: false, user: req.user, req })
  return new Response(auditCsv(found.docs), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="nhat-ky-thao-tac.csv"', 'Cache-Control': 'no-store' },
  })
}
