import { describe, expect, it } from 'vitest'

import { contentDisposition, describeFile, detectDocumentFile } from '../src/documents/files.ts'
import { documentSlug, matchNumber, numberKey } from '../src/documents/number.ts'
import { deriveValidity } from '../src/documents/validity.ts'
import { makePdf } from './helpers/documents.ts'

describe('validity from the dates', () => {
  const now = new Date('2026-12-04T05:00:00Z')
  it('follows effective and expiry dates on the Vietnamese calendar', () => {
    expect(deriveValidity({ issuedAt: '2026-01-10T00:00:00Z' }, now)).toBe('inForce')
    expect(deriveValidity({ issuedAt: '2026-11-01T00:00:00Z', effectiveAt: '2026-12-15T00:00:00Z' }, now)).toBe('notYetInForce')
    expect(deriveValidity({ issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2026-12-04T00:00:00Z' }, now)).toBe('expired')
    expect(deriveValidity({ issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2026-12-05T00:00:00Z' }, now)).toBe('inForce')
    // 17:30 UTC on the 3rd is already the 4th in Vietnam: the document is in force on the 4th.
    expect(deriveValidity({ issuedAt: '2026-12-03T17:30:00Z' }, now)).toBe('inForce')
    expect(deriveValidity({ issuedAt: '2026-12-04T17:30:00Z' }, now)).toBe('notYetInForce')
  })
  it('is what the editor set by hand when set', () => {
    expect(deriveValidity({ issuedAt: '2020-01-01T00:00:00Z', validityOverride: 'partlyInForce' }, now)).toBe('partlyInForce')
  })
})

describe('numbers as clerks type them', () => {
  const stored = numberKey('278/QĐ-UBND')
  it.each(['278/QĐ-UBND', '278/qd-ubnd', '278 QĐ UBND', '278/QĐ', '278', '278/QĐ-UB'])('%s finds 278/QĐ-UBND', (query) => {
    expect(matchNumber(stored, numberKey(query))).not.toBe('none')
  })
  it('ranks the whole number above its first parts, and refuses other numbers', () => {
    expect(matchNumber(stored, numberKey('278/qd-ubnd'))).toBe('exact')
    expect(matchNumber(stored, numberKey('278'))).toBe('prefix')
    expect(matchNumber(stored, numberKey('27'))).toBe('none')
    expect(matchNumber(stored, numberKey('2780'))).toBe('none')
    expect(matchNumber(stored, numberKey('278/CT-UBND'))).toBe('none')
  })
  it('makes a slug with the year of issue', () => {
    expect(documentSlug('278/QĐ-UBND', '2024-03-14T17:00:00.000Z')).toBe('278-qd-ubnd-2024')
  })
})

describe('attached files', () => {
  it('tells the type from the bytes, not the name', async () => {
    const pdf = await makePdf('Quyet dinh 278')
    await expect(detectDocumentFile(pdf, 'quyết định.pdf')).resolves.toEqual({ ext: 'pdf', mime: 'application/pdf' })
    await expect(detectDocumentFile(pdf, 'bao-cao.docx')).rejects.toMatchObject({ status: 400 })
    await expect(detectDocumentFile(Buffer.from('<html><script>alert(1)</script></html>'), 'van-ban.pdf')).rejects.toMatchObject({ status: 400 })
  })
  it('describes size and type the Vietnamese way and keeps the original name for downloads', () => {
    expect(describeFile('application/pdf', 1.2 * 1024 * 1024)).toBe('PDF, 1,2 MB')
    expect(describeFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 35_840)).toBe('DOCX, 35 KB')
    expect(contentDisposition('Quyết định 278.pdf')).toBe(`attachment; filename="Quyet dinh 278.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20278.pdf`)
  })
})
