import type { Payload } from 'payload'

import { PDFDocument, StandardFonts } from 'pdf-lib'

import type { Document, DocumentTerm } from '../../src/payload-types.ts'

/** A one-page PDF whose text layer holds `text` (ASCII: pdf-lib's standard fonts have no Vietnamese letters). */
export async function makePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  pdf.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12, font })
  return Buffer.from(await pdf.save())
}

type TermInput = { site: number; group: DocumentTerm['group']; title: string }

export async function makeTerm(payload: Payload, input: TermInput): Promise<DocumentTerm> {
  return payload.create({ collection: 'document-terms', data: { ...input, slug: '' } })
}

/** Entries of each list on a site, for documents made in tests. */
export async function makeTerms(payload: Payload, site: number) {
  return {
    decision: await makeTerm(payload, { site, group: 'type', title: 'Quyết định' }),
    plan: await makeTerm(payload, { site, group: 'type', title: 'Kế hoạch' }),
    province: await makeTerm(payload, { site, group: 'issuer', title: 'UBND tỉnh' }),
    council: await makeTerm(payload, { site, group: 'issuer', title: 'HĐND tỉnh' }),
    land: await makeTerm(payload, { site, group: 'field', title: 'Đất đai' }),
  }
}

type DocumentInput = Partial<Omit<Document, 'id'>> & Pick<Document, 'abstract' | 'issuedAt' | 'issuer' | 'number' | 'site' | 'type'>

/** A document written by the server (published unless said otherwise). */
export async function makeDocument(payload: Payload, data: DocumentInput, draft = false): Promise<Document> {
  return payload.create({ collection: 'documents', data: { _status: draft ? 'draft' : 'published', ...data }, draft })
}
