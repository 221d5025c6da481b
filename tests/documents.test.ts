import request from 'supertest'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import fs from 'node:fs'
import path from 'node:path'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createRegisterCounts } from '../src/site/readModel/registerCounts.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'
import { makeDocument, makePdf, makeTerms } from './helpers/documents.ts'

let portal: Portal
let editor: string
let site: Site
let terms: Awaited<ReturnType<typeof makeTerms>>

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  site = await findSite(portal.payload, HOABINH.key)
  terms = await makeTerms(portal.payload, site.id)
})
afterAll(async () => {
  await portal?.close()
})

function upload(file: Buffer, filename: string, contentType = 'application/octet-stream') {
  return request(portal.app)
    .post('/api/document-files')
    .set('Authorization', editor)
    .field('_payload', JSON.stringify({ site: site.id }))
    .attach('file', file, { filename, contentType })
}

const base = () => ({ site: site.id, type: terms.decision.id, issuer: terms.province.id })

describe('demo content', () => {
  it('gives each demo site about thirty published documents of several types, issuers and years, with PDFs and relations', async () => {
    const store = readStoreOf(portal.payload)
    const { total, counts } = await createRegisterCounts(store)({ site: String(site.id), filter: {}, today: '2026-12-04' })
    expect(total).toBe(30)
    expect(counts.type.size).toBeGreaterThanOrEqual(6)
    expect(counts.issuer.size).toBeGreaterThanOrEqual(4)
    expect(counts.year.size).toBeGreaterThanOrEqual(6)
    const documents = await portal.payload.find({ collection: 'documents', where: { site: { equals: site.id } }, depth: 0, limit: 100 })
    expect(documents.docs.every((doc) => (doc.files ?? []).length === 1)).toBe(true)
    expect(documents.docs.filter((doc) => (doc.replaces ?? []).length > 0).length).toBeGreaterThan(0)
    expect(documents.docs.filter((doc) => (doc.amends ?? []).length > 0).length).toBeGreaterThan(0)
    const decision = documents.docs.find((doc) => doc.number === '487/QĐ-UBND')!
    const record = JSON.parse((await store.bySlug('document', String(site.id), decision.slug!))!.data)
    expect(record.files[0]).toMatchObject({ mimeType: 'application/pdf' })
  })
})

describe('attached files', () => {
  it('stores a PDF under a name the server chose, keeps the original name and extracts its text', async () => {
    const res = await upload(await makePdf('Phe duyet quy hoach vung nguyen lieu che Shan tuyet'), 'Quyết định 278.pdf', 'application/pdf')
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.filename).toMatch(/^[0-9a-f-]{36}\.pdf$/)
    expect(doc.originalName).toBe('Quyết định 278.pdf')
    expect(doc.mimeType).toBe('application/pdf')
    const stored = await portal.payload.findByID({ collection: 'document-files', id: doc.id })
    expect(stored.text).toContain('Phe duyet quy hoach vung nguyen lieu che Shan tuyet')
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, 'van-ban', doc.filename))).toBe(true)
    // Staff open it through the API as a download too.
    const served = await request(portal.app).get(`/api/document-files/file/${doc.filename}`).set('Authorization', editor)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('application/pdf')
    expect(served.headers['content-disposition']).toBe('attachment')
  })

  it('refuses a file whose bytes are not what its name says, with a Vietnamese message, and stores nothing', async () => {
    const before = await portal.payload.count({ collection: 'document-files' })
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer()
    for (const [bytes, name] of [
      [png, 'quyet-dinh.pdf'],
      [await makePdf('x'), 'bao-cao.docx'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'ke-hoach.doc'],
    ] as const) {
      const res = await upload(bytes, name, 'application/pdf')
      expect(res.status, name).toBe(400)
      expect(JSON.stringify(res.body), name).toContain('Tệp không đúng định dạng')
    }
    expect((await portal.payload.count({ collection: 'document-files' })).totalDocs).toBe(before.totalDocs)
  })

  it('a PDF text becomes words the document is found by', async () => {
    const file = (await upload(await makePdf('Bao ton nguon gen cay thuoc quy'), 'kh-12.pdf', 'application/pdf')).body.doc
    const doc = await makeDocument(portal.payload, { ...base(), number: '12/KH-UBND', abstract: 'Kế hoạch năm 2025', issuedAt: '2025-02-01T00:00:00.000Z', files: [file.id] })
    expect(doc.searchText).toContain(' bao ton nguon gen cay thuoc quy ')
  })
})

describe('documents', () => {
  it('gets a slug from its number and year, and a folded number for search', async () => {
    const doc = await makeDocument(portal.payload, { ...base(), number: '278/QĐ-UBND', abstract: 'Phê duyệt quy hoạch', issuedAt: '2024-03-15T00:00:00.000Z' })
    expect(doc.slug).toBe('278-qd-ubnd-2024')
    expect(doc.numberKey).toBe('278 qd ubnd')
  })

  it('keeps replaces / replaced by and amends / amended by two-way, whichever side changes', async () => {
    const old = await makeDocument(portal.payload, { ...base(), number: '10/QĐ-UBND', abstract: 'Quy chế cũ', issuedAt: '2019-01-10T00:00:00.000Z' })
    const other = await makeDocument(portal.payload, { ...base(), number: '11/QĐ-UBND', abstract: 'Quy chế khác', issuedAt: '2019-02-10T00:00:00.000Z' })
    const replacing = await makeDocument(portal.payload, { ...base(), number: '20/QĐ-UBND', abstract: 'Quy chế mới', issuedAt: '2023-01-10T00:00:00.000Z', replaces: [old.id], amends: [other.id] })
    const inverse = async (id: number | string) => {
      const res = await request(portal.app).get(`/api/documents/${id}?depth=0`)
      expect(res.status).toBe(200)
      return { replacedBy: res.body.replacedBy.docs, amendedBy: res.body.amendedBy.docs }
    }
    expect(await inverse(old.id)).toEqual({ replacedBy: [replacing.id], amendedBy: [] })
    expect(await inverse(other.id)).toEqual({ replacedBy: [], amendedBy: [replacing.id] })
    const record = async (id: number | string) => JSON.parse((await readStoreOf(portal.payload).bySlug('document', String(site.id), (await portal.payload.findByID({ collection: 'documents', id })).slug!))!.data)
    expect((await record(old.id)).replacedBy.map((item: { number: string }) => item.number)).toEqual(['20/QĐ-UBND'])

    // The replacing side changes: the old document no longer says it is replaced, in the API and in the read model.
    await portal.payload.update({ collection: 'documents', id: replacing.id, data: { replaces: [other.id], amends: [] } })
    expect(await inverse(old.id)).toEqual({ replacedBy: [], amendedBy: [] })
    expect(await inverse(other.id)).toEqual({ replacedBy: [replacing.id], amendedBy: [] })
    expect((await record(old.id)).replacedBy).toEqual([])
    expect((await record(other.id)).replacedBy.map((item: { number: string }) => item.number)).toEqual(['20/QĐ-UBND'])

    // The replaced side goes away: the replacing document's page no longer names it.
    await portal.payload.delete({ collection: 'documents', id: other.id })
    expect((await record(replacing.id)).replaces).toEqual([])
  })

  it('anonymous readers never see a draft through REST or GraphQL; the editor does', async () => {
    const draft = await makeDocument(portal.payload, { ...base(), number: '999/QĐ-UBND', abstract: 'Dự thảo bí mật', issuedAt: '2026-01-10T00:00:00.000Z' }, true)
    expect((await request(portal.app).get(`/api/documents/${draft.id}`)).status).toBe(404)
    const listed = await request(portal.app).get('/api/documents?limit=100&draft=true')
    expect(listed.status).toBe(200)
    expect(listed.body.docs.map((doc: { number: string }) => doc.number)).not.toContain('999/QĐ-UBND')
    expect(listed.body.docs.length).toBeGreaterThan(0)
    const versions = await request(portal.app).get('/api/documents/versions')
    expect(versions.status).toBe(403)
    const gql = await graphql(portal.app, '{ Documents(limit: 100, draft: true) { docs { number } } }')
    expect(gql.data?.Documents.docs.map((doc: { number: string }) => doc.number)).not.toContain('999/QĐ-UBND')
    expect(gql.data?.Documents.docs.length).toBeGreaterThan(0)
    // A draft that replaces a published document is not named by it either.
    const target = await makeDocument(portal.payload, { ...base(), number: '998/QĐ-UBND', abstract: 'Đang có hiệu lực', issuedAt: '2025-01-10T00:00:00.000Z' })
    const replacingDraft = await makeDocument(portal.payload, { ...base(), number: '997/QĐ-UBND', abstract: 'Dự thảo thay thế', issuedAt: '2026-01-11T00:00:00.000Z', replaces: [target.id] }, true)
    expect((await portal.payload.findByID({ collection: 'documents', id: target.id, depth: 0 })).replacedBy?.docs).toEqual([replacingDraft.id])
    const joined = await request(portal.app).get(`/api/documents/${target.id}?depth=0`)
    expect(joined.body.replacedBy.docs).toEqual([])
    const withJoin = await graphql(portal.app, `{ Document(id: ${target.id}) { replacedBy { docs { number } } } }`)
    expect(withJoin.data?.Document.replacedBy.docs).toEqual([])
    expect(JSON.parse((await readStoreOf(portal.payload).bySlug('document', String(site.id), target.slug!))!.data).replacedBy).toEqual([])
    const asEditor = await request(portal.app).get(`/api/documents/${draft.id}?draft=true`).set('Authorization', editor)
    expect(asEditor.status).toBe(200)
    expect(await readStoreOf(portal.payload).bySlug('document', String(site.id), draft.slug!)).toBeUndefined()
  })

  it('reporters may draft and send for review but not publish', async () => {
    const reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
    const data = { ...base(), number: '5/TB-UBND', abstract: 'Thông báo', issuedAt: '2026-05-01T00:00:00.000Z' }
    const published = await request(portal.app).post('/api/documents').set('Authorization', reporter).send({ ...data, _status: 'published' })
    expect(published.status).toBe(403)
    const drafted = await request(portal.app).post('/api/documents?draft=true').set('Authorization', reporter).send({ ...data, _status: 'draft', reviewState: 'submitted' })
    expect(drafted.status).toBe(201)
  })
})
