import type { Payload } from 'payload'

import { parse } from 'csv-parse/sync'

import fs from 'node:fs/promises'
import path from 'node:path'

import type { Document, DocumentTerm, Site } from '../payload-types.ts'

import { vietnamTime } from '../import/dates.ts'
import { documentsLoaded } from '../site/readModel/documents.ts'

/**
 * `npm run import:documents -- --site <key> file.csv`: the register of a legacy portal, one
 * document per row. A document is the same one when its site, number and issue date are: a
 * second run of the same file creates nothing and changes nothing. Columns: docs/documents.md.
 */
export const CSV_COLUMNS = {
  number: 'so_ky_hieu',
  type: 'loai_van_ban',
  issuer: 'co_quan_ban_hanh',
  field: 'linh_vuc',
  signer: 'nguoi_ky',
  issuedAt: 'ngay_ban_hanh',
  effectiveAt: 'ngay_hieu_luc',
  expiresAt: 'ngay_het_hieu_luc',
  abstract: 'trich_yeu',
  file: 'tep_dinh_kem',
} as const

export type RowOutcome = { line: number; number: string; status: 'created' | 'failed' | 'unchanged' | 'updated'; reason?: string; id?: Document['id'] }

type Row = Record<string, string | undefined>

/** "15/07/2020" (or 15-7-2020) as midnight in Vietnam; empty → null; anything else throws. */
function parseDay(value: string | undefined, column: string): string | null {
  const text = (value ?? '').trim()
  if (!text) return null
  const match = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)
  const date = match ? vietnamTime(Number(match[3]), Number(match[2]), Number(match[1])) : null
  if (!date) throw new Error(`${column}: "${text}" không phải ngày dd/mm/yyyy`)
  return date.toISOString()
}

const sameDay = (a: string | null | undefined, b: string | null | undefined) => (a ? new Date(a).getTime() : null) === (b ? new Date(b).getTime() : null)

export async function importDocuments(payload: Payload, options: { site: Site; csvFile: string; write: (line: string) => void }): Promise<RowOutcome[]> {
  const { site, write } = options
  const text = (await fs.readFile(options.csvFile, 'utf8')).replace(/^\uFEFF/, '').normalize('NFC')
  const rows: Row[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true })
  const terms = new Map<string, DocumentTerm>()
  const termId = async (group: DocumentTerm['group'], title: string | undefined): Promise<number | undefined> => {
    const name = (title ?? '').trim()
    if (!name) return undefined
    const key = `${group}:${name}`
    if (!terms.has(key)) {
      const found = await payload.find({ collection: 'document-terms', where: { and: [{ site: { equals: site.id } }, { group: { equals: group } }, { title: { equals: name } }] }, limit: 1, depth: 0 })
      terms.set(key, found.docs[0] ?? (await payload.create({ collection: 'document-terms', data: { site: site.id, group, title: name, slug: '' }, depth: 0 })))
    }
    return terms.get(key)!.id
  }
  const context = { deferDocumentSync: true }
  const outcomes: RowOutcome[] = []
  for (const [index, row] of rows.entries()) {
    const line = index + 2
    const number = (row[CSV_COLUMNS.number] ?? '').trim()
    try {
      if (!number) throw new Error(`${CSV_COLUMNS.number} trống`)
      const abstract = (row[CSV_COLUMNS.abstract] ?? '').trim()
      if (!abstract) throw new Error(`${CSV_COLUMNS.abstract} trống`)
      const issuedAt = parseDay(row[CSV_COLUMNS.issuedAt], CSV_COLUMNS.issuedAt)
      if (!issuedAt) throw new Error(`${CSV_COLUMNS.issuedAt} trống`)
      const type = await termId('type', row[CSV_COLUMNS.type])
      const issuer = await termId('issuer', row[CSV_COLUMNS.issuer])
      if (!type || !issuer) throw new Error(`${CSV_COLUMNS.type} và ${CSV_COLUMNS.issuer} là bắt buộc`)
      const data = {
        number,
        abstract,
        type,
        issuer,
        field: (await termId('field', row[CSV_COLUMNS.field])) ?? null,
        signer: (row[CSV_COLUMNS.signer] ?? '').trim() || null,
        issuedAt,
        effectiveAt: parseDay(row[CSV_COLUMNS.effectiveAt], CSV_COLUMNS.effectiveAt),
        expiresAt: parseDay(row[CSV_COLUMNS.expiresAt], CSV_COLUMNS.expiresAt),
      }
      const existing = (await payload.find({ collection: 'documents', where: { and: [{ site: { equals: site.id } }, { number: { equals: number } }, { issuedAt: { equals: issuedAt } }] }, limit: 1, depth: 0 })).docs[0]
      if (existing) {
        const changed =
          existing.abstract !== data.abstract || existing.type !== data.type || existing.issuer !== data.issuer || (existing.field ?? null) !== data.field ||
          (existing.signer ?? null) !== data.signer || !sameDay(existing.effectiveAt, data.effectiveAt) || !sameDay(existing.expiresAt, data.expiresAt)
        if (!changed) outcomes.push({ line, number, status: 'unchanged', id: existing.id })
        else {
          await payload.update({ collection: 'documents', id: existing.id, data, depth: 0, context })
          outcomes.push({ line, number, status: 'updated', id: existing.id })
        }
      } else {
        const files = await attach(payload, site, options.csvFile, row[CSV_COLUMNS.file])
        const created = await payload.create({ collection: 'documents', data: { ...data, site: site.id, files, _status: 'published' }, depth: 0, context })
        outcomes.push({ line, number, status: 'created', id: created.id })
      }
    } catch (error) {
      outcomes.push({ line, number, status: 'failed', reason: (error as Error).message })
    }
    const outcome = outcomes.at(-1)!
    write(`[${index + 1}/${rows.length}] dòng ${line} ${number || '(không số)'}: ${outcome.status}${outcome.id !== undefined ? ` (văn bản ${outcome.id})` : ''}${outcome.reason ? `\n  lý do      ${outcome.reason}` : ''}\n`)
  }
  const written = outcomes.filter((outcome) => outcome.status === 'created' || outcome.status === 'updated').map((outcome) => outcome.id!)
  if (written.length > 0) await documentsLoaded(payload, written)
  const count = (status: RowOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length
  write(`\n${rows.length} dòng: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed\n`)
  for (const failed of outcomes.filter((outcome) => outcome.status === 'failed')) write(`  failed     dòng ${failed.line} ${failed.number}: ${failed.reason}\n`)
  return outcomes
}

/** The row's file (a path relative to the CSV), uploaded through the collection: its type is checked from its bytes. */
async function attach(payload: Payload, site: Site, csvFile: string, relative: string | undefined): Promise<number[]> {
  const name = (relative ?? '').trim()
  if (!name) return []
  const data = await fs.readFile(path.resolve(path.dirname(csvFile), name))
  const file = await payload.create({ collection: 'document-files', data: { site: site.id }, file: { data, name: path.basename(name), mimetype: 'application/octet-stream', size: data.length }, depth: 0 })
  return [file.id]
}
