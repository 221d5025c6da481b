import sharp from 'sharp'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'

let portal: Portal
let site: Site
let reporter: string
let editor: string
let photo: Media

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  reporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
  editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  photo = (await portal.payload.find({ collection: 'media', where: { site: { equals: site.id } }, limit: 1 })).docs[0]!
})
afterAll(async () => {
  await portal?.close()
})

/** Reporter refused (403), nothing written; the same request by an editor succeeds. */
async function onlyEditorsCreate(collection: 'captions' | 'tags' | 'videos', data: Record<string, unknown>, field: string) {
  const before = await portal.payload.count({ collection, where: { [field]: { equals: data[field] } } })
  const refused = await request(portal.app).post(`/api/${collection}`).set('Authorization', reporter).send({ ...data, site: site.id })
  expect(refused.status).toBe(403)
  expect((await portal.payload.count({ collection, where: { [field]: { equals: data[field] } } })).totalDocs).toBe(before.totalDocs)
  const accepted = await request(portal.app).post(`/api/${collection}`).set('Authorization', editor).send({ ...data, site: site.id })
  expect(accepted.status).toBe(201)
  return accepted.body.doc.id as number
}

async function onlyEditorsUpdate(collection: 'captions' | 'document-files' | 'media' | 'tags' | 'videos', id: number, data: Record<string, string>) {
  const [field, value] = Object.entries(data)[0]!
  const refused = await request(portal.app).patch(`/api/${collection}/${id}`).set('Authorization', reporter).send(data)
  expect(refused.status).toBe(403)
  const stored = (await portal.payload.findByID({ collection, id, depth: 0 })) as unknown as Record<string, unknown>
  expect(stored[field]).not.toBe(value)
  const accepted = await request(portal.app).patch(`/api/${collection}/${id}`).set('Authorization', editor).send(data)
  expect(accepted.status).toBe(200)
}

describe('what is public as soon as it is saved goes through an editor', () => {
  it('videos: a reporter can neither create nor change one', async () => {
    const id = await onlyEditorsCreate('videos', { title: 'Video phóng viên gửi', embedUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }, 'title')
    await onlyEditorsUpdate('videos', id, { title: 'Tiêu đề đổi' })
  })

  it('captions: a reporter can neither create nor change one', async () => {
    const id = await onlyEditorsCreate('captions', { caption: 'Chú thích phóng viên', photo: photo.id }, 'caption')
    await onlyEditorsUpdate('captions', id, { caption: 'Chú thích đổi' })
  })

  it('tags: a reporter can neither create, change nor delete one', async () => {
    const id = await onlyEditorsCreate('tags', { title: 'Từ khóa phóng viên' }, 'title')
    await onlyEditorsUpdate('tags', id, { title: 'Từ khóa đổi' })
    const removed = await request(portal.app).delete(`/api/tags/${id}`).set('Authorization', reporter)
    expect(removed.status).toBe(403)
    expect((await portal.payload.count({ collection: 'tags', where: { id: { equals: id } } })).totalDocs).toBe(1)
  })

  it('media: a reporter uploads a new image but cannot change or replace an existing one', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0e5aa5' } }).png().toBuffer()
    const upload = await request(portal.app)
      .post('/api/media')
      .set('Authorization', reporter)
      .field('_payload', JSON.stringify({ alt: 'Ảnh phóng viên', site: site.id }))
      .attach('file', png, { filename: 'anh.png', contentType: 'image/png' })
    expect(upload.status).toBe(201)
    await onlyEditorsUpdate('media', photo.id, { alt: 'Mô tả bị đổi' })
    const replaced = await request(portal.app)
      .patch(`/api/media/${photo.id}`)
      .set('Authorization', reporter)
      .attach('file', png, { filename: 'thay.png', contentType: 'image/png' })
    expect(replaced.status).toBe(403)
    const stored = await portal.payload.findByID({ collection: 'media', id: photo.id })
    expect(stored.filename).toBe(photo.filename)
  })

  it("document files: a reporter adds one but cannot change or replace one a published document shows", async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const added = await request(portal.app)
      .post('/api/document-files')
      .set('Authorization', reporter)
      .field('_payload', JSON.stringify({ site: site.id }))
      .attach('file', pdf, { filename: 'du-thao.pdf', contentType: 'application/pdf' })
    expect(added.status, added.text).toBe(201)
    // A file the demo's published documents show.
    const published = (await portal.payload.find({ collection: 'documents', where: { _status: { equals: 'published' }, site: { equals: site.id } }, limit: 50, depth: 0 })).docs
    const fileId = published.flatMap((doc) => (doc.files ?? []).map((file) => (typeof file === 'object' ? file.id : file)))[0]!
    expect(fileId).toBeDefined()
    const before = await portal.payload.findByID({ collection: 'document-files', id: fileId, depth: 0 })
    const replaced = await request(portal.app)
      .patch(`/api/document-files/${fileId}`)
      .set('Authorization', reporter)
      .attach('file', pdf, { filename: 'thay-the.pdf', contentType: 'application/pdf' })
    expect(replaced.status).toBe(403)
    const after = await portal.payload.findByID({ collection: 'document-files', id: fileId, depth: 0 })
    expect(after.filename).toBe(before.filename)
    await onlyEditorsUpdate('document-files', fileId, { originalName: 'ten-moi.pdf' })
  })
})
