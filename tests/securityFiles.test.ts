import fs from 'node:fs'
import path from 'node:path'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'

let portal: Portal
let site: Site
let editor: string
let mediaDir: string

/** The smallest file `file-type` reads as MP4: an `ftyp` box with the isom brand. */
const MP4 = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(64)])

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  mediaDir = path.join(portal.tmpDir, 'media')
})
afterAll(async () => {
  await portal?.close()
})

function uploadVideo(data: Buffer, filename: string, contentType: string) {
  return request(portal.app)
    .post('/api/videos')
    .set('Authorization', editor)
    .field('_payload', JSON.stringify({ title: `Video ${filename}`, site: site.id }))
    .attach('file', data, { filename, contentType })
}

describe('uploaded videos are named after what their bytes are', () => {
  it('a real MP4 sent as "clip.html" is stored as clip.mp4 with video/mp4', async () => {
    const res = await uploadVideo(MP4, 'clip.html', 'video/mp4')
    expect(res.status).toBe(201)
    const stored = await portal.payload.findByID({ collection: 'videos', id: res.body.doc.id })
    expect(stored.filename).toBe('clip.mp4')
    expect(stored.mimeType).toBe('video/mp4')
    expect(fs.existsSync(path.join(mediaDir, 'videos', 'clip.mp4'))).toBe(true)
    expect(fs.existsSync(path.join(mediaDir, 'videos', 'clip.html'))).toBe(false)
  })

  it('a video named ".html" is stored without the leading dot, and served', async () => {
    const res = await uploadVideo(MP4, '.html', 'video/mp4')
    expect(res.status).toBe(201)
    const stored = await portal.payload.findByID({ collection: 'videos', id: res.body.doc.id })
    expect(stored.filename).toMatch(/^html(-\d+)?\.mp4$/)
    const served = await request(portal.app).get(`/media/videos/${stored.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('video/mp4')
  })

  it('an HTML page claiming to be a video is refused and nothing is stored', async () => {
    const before = await portal.payload.count({ collection: 'videos' })
    const res = await uploadVideo(Buffer.from('<html><script>alert(1)</script></html>'), 'x.mp4', 'video/mp4')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Loại tệp không được chấp nhận/)
    expect((await portal.payload.count({ collection: 'videos' })).totalDocs).toBe(before.totalDocs)
    expect(fs.readdirSync(path.join(mediaDir, 'videos')).filter((name) => name.startsWith('x.'))).toEqual([])
  })
})

describe('/media serves an allow-list of types', () => {
  beforeAll(() => {
    fs.writeFileSync(path.join(mediaDir, 'trang.html'), '<script>alert(1)</script>')
    fs.writeFileSync(path.join(mediaDir, 'hinh.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    fs.writeFileSync(path.join(mediaDir, 'van-ban.pdf'), '%PDF-1.4\n')
  })

  it('HTML, SVG and unknown extensions are not served', async () => {
    for (const name of ['trang.html', 'hinh.svg', 'khong-co-duoi']) {
      const res = await request(portal.app).get(`/media/${name}`)
      expect(res.status, name).toBe(404)
      expect(res.text).not.toContain('<script>')
    }
  })

  it('images are shown inline with their own type and nosniff', async () => {
    const image = (await portal.payload.find({ collection: 'media', limit: 1 })).docs[0]!
    const res = await request(portal.app).get(`/media/${image.filename}`)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(image.mimeType)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-disposition']).toBeUndefined()
  })

  it('videos play inline; documents are downloads', async () => {
    const video = await request(portal.app).get('/media/videos/clip.mp4')
    expect(video.status).toBe(200)
    expect(video.headers['content-type']).toBe('video/mp4')
    expect(video.headers['content-disposition']).toBeUndefined()
    const pdf = await request(portal.app).get('/media/van-ban.pdf')
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe('attachment')
    expect(pdf.headers['x-content-type-options']).toBe('nosniff')
  })
})
