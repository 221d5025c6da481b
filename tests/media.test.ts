import request from 'supertest'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import fs from 'node:fs'
import path from 'node:path'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'

const UPLOAD_LIMIT = 2 * 1024 * 1024
let portal: Portal
let editor: string
let site: Site

beforeAll(async () => {
  portal = await bootPortal({ seed: true, env: { UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) } })
  editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  site = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

function upload(file: Buffer, filename: string, contentType: string) {
  return request(portal.app)
    .post('/api/media')
    .set('Authorization', editor)
    .field('_payload', JSON.stringify({ alt: 'Toàn cảnh Hội nghị', site: site.id }))
    .attach('file', file, { filename, contentType })
}

describe('image uploads', () => {
  it('stores a photo without its GPS position and makes WebP sizes', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#a50e0e' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Phóng viên' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '20/1 49/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 20/1 0/1' } })
      .toBuffer()
    // The input really carries a GPS block: tag 0x8825 (GPSInfo), little-endian in this TIFF header.
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)
    const res = await upload(photo, 'hoi-nghi.jpg', 'image/jpeg')
    expect(res.status).toBe(201)
    const doc = res.body.doc
    const mediaDir = process.env.MEDIA_DIR!
    const stored = [doc.filename, ...Object.values(doc.sizes as Record<string, { filename: string | null }>).map((size) => size.filename)]
    expect(stored.filter(Boolean).length).toBe(5)
    // Stored under a name the server chose: the uploader's name would let anyone guess an unpublished photo.
    expect(doc.filename).toMatch(/^[0-9a-f-]{36}\.webp$/)
    expect(stored.join(' ')).not.toContain('hoi-nghi')
    expect((await request(portal.app).get('/media/hoi-nghi.webp')).status).toBe(404)
    for (const filename of stored.filter(Boolean)) {
      const metadata = await sharp(fs.readFileSync(path.join(mediaDir, filename))).metadata()
      expect(metadata.format, filename).toBe('webp')
      expect(metadata.exif, filename).toBeUndefined()
    }
  })

  it('refuses a pixel flood (about 48 megapixels) with a Vietnamese message and stores nothing', async () => {
    const before = await portal.payload.count({ collection: 'media' })
    const flood = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer()
    expect(flood.length).toBeLessThan(UPLOAD_LIMIT)
    const res = await upload(flood, 'flood.png', 'image/png')
    expect(res.status).toBe(413)
    expect(res.text).toContain('Ảnh quá lớn')
    expect((await portal.payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
  })

  it('takes a 50:1 banner and its sizes; refuses a thinner strip with the reason, storing nothing', async () => {
    const strip = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#a50e0e' } }).jpeg().toBuffer()
    for (const [width, height] of [[2000, 40], [40, 2000]]) {
      const banner = await upload(await strip(width, height), 'bang-ron.jpg', 'image/jpeg')
      expect(banner.status, banner.text.slice(0, 300)).toBe(201)
      // The sizes cut to a 3:2 frame are made from it.
      expect([banner.body.doc.sizes.thumbnail.filename, banner.body.doc.sizes.card.filename]).toEqual([expect.stringMatching(/-240x160\.webp$/), expect.stringMatching(/-480x320\.webp$/)])
    }

    const before = await portal.payload.count({ collection: 'media' })
    const filesBefore = fs.readdirSync(process.env.MEDIA_DIR!).length
    // Cut to the 3:2 thumbnail, a 1 × 300 strip was first scaled past what the encoder takes: Payload's bare "problem uploading".
    for (const [width, height] of [[1, 300], [300, 1]]) {
      const res = await upload(await strip(width, height), 'duong-ke.jpg', 'image/jpeg')
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toBe(`Ảnh ${width}×${height} quá dài hoặc quá hẹp: cạnh dài nhất được gấp tối đa 50 lần cạnh ngắn. Hãy cắt ảnh rồi tải lên lại.`)
    }
    expect((await portal.payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
    expect(fs.readdirSync(process.env.MEDIA_DIR!).length).toBe(filesBefore)
  })

  it('refuses a file over the size limit', async () => {
    const big = Buffer.alloc(UPLOAD_LIMIT + 1024, 1)
    const res = await upload(big, 'big.jpg', 'image/jpeg')
    expect(res.status).toBe(413)
    expect(res.text).toContain('Tệp quá lớn')
  })

  it('refuses bytes that are not an image, and script-bearing SVG', async () => {
    const before = await portal.payload.count({ collection: 'media' })
    const filesBefore = fs.readdirSync(process.env.MEDIA_DIR!).length
    const fake = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'anh.jpg', 'image/jpeg')
    expect(fake.status).toBeGreaterThanOrEqual(400)
    expect(fake.status).toBeLessThan(500)
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', 'image/svg+xml')
    expect(svg.status).toBeGreaterThanOrEqual(400)
    expect(svg.status).toBeLessThan(500)
    // Nothing stored: no row, no file.
    expect((await portal.payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
    expect(fs.readdirSync(process.env.MEDIA_DIR!).length).toBe(filesBefore)
  })

  it('serves stored images as static files with nosniff', async () => {
    const media = await portal.payload.find({ collection: 'media', limit: 1 })
    const res = await request(portal.app).get(`/media/${media.docs[0]!.filename}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/webp')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })
})
