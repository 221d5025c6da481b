import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Media, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { hasServerChosenName, PENDING_FILE, renameLegacyMedia } from '../src/media/renameLegacyFiles.ts'
import { createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, HOABINH } from './helpers/demo.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal
let site: Site
let mediaDir: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  mediaDir = path.join(portal.tmpDir, 'media')
})
afterAll(async () => {
  await portal?.close()
})

/**
 * An image as an install from before server-chosen names holds it: uploaded through Payload, then
 * its files and row put back under the uploader's descriptive name, behind Payload's hooks.
 */
async function legacyImage(base: string): Promise<Media> {
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#306090' } }).jpeg().toBuffer()
  const media = await portal.payload.create({ collection: 'media', data: { alt: 'Ảnh hội nghị', site: site.id }, file: { data, mimetype: 'image/jpeg', name: 'anh.jpg', size: data.length } })
  const rename = (filename: string) => {
    const legacyName = filename.replace(path.parse(media.filename!).name, base)
    fs.renameSync(path.join(mediaDir, filename), path.join(mediaDir, legacyName))
    return legacyName
  }
  const sizes = Object.fromEntries(Object.entries(media.sizes ?? {}).map(([name, size]) => [name, { ...size, filename: rename(size!.filename!) }]))
  await portal.payload.db.updateOne({ collection: 'media', id: media.id, data: { filename: rename(media.filename!), sizes } })
  return portal.payload.findByID({ collection: 'media', id: media.id, depth: 0 })
}

const namesIn = (html: string) => [...html.matchAll(/\/media\/([^"'\s,?]+)/g)].map((match) => match[1]!)

describe('npm run media:rename gives legacy images server-chosen names', () => {
  it('renames files and rows, rewrites the published page, keeps the bytes, and has nothing left to do on a second run', async () => {
    const shown = await legacyImage('anh-bau-cu-2021-dsc0042')
    const unpublished = await legacyImage('chan-dung-tan-chu-tich')
    const article = await createArticle(portal.payload, { title: 'Kết quả bầu cử hội đồng', site: site.id, cover: shown.id, _status: 'published' })
    await createArticle(portal.payload, { title: 'Bổ nhiệm chủ tịch', site: site.id, cover: unpublished.id, _status: 'draft' }, { draft: true })
    const before = await request(portal.app).get(`/bai-viet/${article.slug}`).set('Host', 'localhost')
    expect(before.status).toBe(200)
    expect(namesIn(before.text).some((name) => name.startsWith('anh-bau-cu-2021-dsc0042-'))).toBe(true)
    // The legacy name can be guessed: that is the point of renaming it.
    expect((await request(portal.app).get(`/media/${unpublished.filename}`)).status).toBe(200)
    const bytesBefore = fs.readFileSync(path.join(mediaDir, shown.filename!))
    const legacyFiles = [shown, unpublished].flatMap((media) => [media.filename!, ...Object.values(media.sizes ?? {}).map((size) => size!.filename!)])

    const { renamed, missing, removed } = await renameLegacyMedia(portal.payload, { mediaDir, graceMs: 0 })

    expect(missing).toEqual([])
    expect(removed).toBe(legacyFiles.length)
    expect(fs.existsSync(path.join(mediaDir, PENDING_FILE))).toBe(false)
    expect(renamed.map((entry) => entry.from).sort()).toEqual([shown.filename, unpublished.filename].sort())
    for (const media of [shown, unpublished]) {
      const row = await portal.payload.findByID({ collection: 'media', id: media.id, depth: 0 })
      expect(hasServerChosenName(row.filename!), row.filename!).toBe(true)
      for (const size of Object.values(row.sizes ?? {})) {
        expect(hasServerChosenName(size!.filename!), size!.filename!).toBe(true)
        expect(fs.existsSync(path.join(mediaDir, size!.filename!))).toBe(true)
      }
      expect(fs.existsSync(path.join(mediaDir, row.filename!))).toBe(true)
    }
    for (const name of legacyFiles) {
      expect(fs.existsSync(path.join(mediaDir, name)), name).toBe(false)
      expect((await request(portal.app).get(`/media/${name}`)).status).toBe(404)
    }
    const renamedShown = await portal.payload.findByID({ collection: 'media', id: shown.id, depth: 0 })
    expect(fs.readFileSync(path.join(mediaDir, renamedShown.filename!)).equals(bytesBefore)).toBe(true)
    // The published page (from the read model) draws the new names, every one of which is served.
    const after = await freshPage(() => request(portal.app).get(`/bai-viet/${article.slug}`).set('Host', 'localhost'))
    expect(after.status).toBe(200)
    const drawn = namesIn(after.text).filter((name) => name.startsWith(path.parse(renamedShown.filename!).name))
    expect(drawn.length).toBeGreaterThan(0)
    expect(after.text).not.toContain('anh-bau-cu-2021-dsc0042')
    for (const name of new Set(drawn)) expect((await request(portal.app).get(`/media/${name}`)).status, name).toBe(200)

    expect(await renameLegacyMedia(portal.payload, { mediaDir, graceMs: 0 })).toEqual({ renamed: [], missing: [], removed: 0 })
  })

  it('a run cut short after renaming rows: the next run removes the old names it had listed', async () => {
    const image = await legacyImage('ho-so-nhan-su')
    const oldNames = [image.filename!, ...Object.values(image.sizes ?? {}).map((size) => size!.filename!)]
    // The rows are renamed and the old names listed, then the process dies before removing them.
    const rm = fs.promises.rm
    const dying = vi.spyOn(fs.promises, 'rm').mockImplementation(async (target, options) => {
      if (oldNames.includes(path.basename(String(target)))) throw new Error('killed')
      return rm(target, options)
    })
    await expect(renameLegacyMedia(portal.payload, { mediaDir, graceMs: 0 })).rejects.toThrow('killed')
    dying.mockRestore()
    expect(hasServerChosenName((await portal.payload.findByID({ collection: 'media', id: image.id, depth: 0 })).filename!)).toBe(true)
    expect(oldNames.every((name) => fs.existsSync(path.join(mediaDir, name)))).toBe(true)

    expect(await renameLegacyMedia(portal.payload, { mediaDir, graceMs: 0 })).toEqual({ renamed: [], missing: [], removed: oldNames.length })
    expect(oldNames.filter((name) => fs.existsSync(path.join(mediaDir, name)))).toEqual([])
  })

  it('leaves an image whose file is missing as it is and names it', async () => {
    const gone = await legacyImage('anh-da-mat')
    fs.rmSync(path.join(mediaDir, gone.filename!))
    const filesBefore = fs.readdirSync(mediaDir).sort()
    const { renamed, missing } = await renameLegacyMedia(portal.payload, { mediaDir, graceMs: 0 })
    expect(renamed).toEqual([])
    expect(missing).toEqual([gone.filename])
    expect((await portal.payload.findByID({ collection: 'media', id: gone.id, depth: 0 })).filename).toBe(gone.filename)
    expect(fs.readdirSync(mediaDir).sort()).toEqual(filesBefore)
  })
})
