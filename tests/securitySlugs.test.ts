import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { SLUG_TAKEN } from '../collections/Articles/hooks/ensureUniqueSlugPerSite.ts'
import { loginAs } from './helpers/api.ts'
import { createArticle } from './helpers/articles.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'

let portal: Portal
let site: Site
let editor: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
})
afterAll(async () => {
  await portal?.close()
})

/** What the client sees of a slug clash, whichever check caught it: the reason, on the slug field. */
const slugTaken = { message: SLUG_TAKEN, data: expect.objectContaining({ errors: [expect.objectContaining({ path: 'slug', message: SLUG_TAKEN })] }) }

const slugsOf = async (siteId: number, prefix: string) =>
  (await portal.payload.find({ collection: 'articles', where: { site: { equals: siteId }, slug: { like: prefix } }, pagination: false, depth: 0 })).docs.map((doc) => doc.slug)

describe('article slugs are unique per site in the database', () => {
  it('20 concurrent creates of one title: different slugs or clean 400s, never two equal', async () => {
    const title = 'Hội nghị tổng kết công tác năm 2026'
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => request(portal.app).post('/api/articles?draft=true').set('Authorization', editor).send({ title, site: site.id, _status: 'draft' })),
    )
    const statuses = responses.map((res) => res.status)
    expect(statuses.every((status) => status === 201 || status === 400), statuses.join(',')).toBe(true)
    const created = statuses.filter((status) => status === 201).length
    expect(created).toBeGreaterThanOrEqual(1)
    const slugs = await slugsOf(site.id, 'hoi-nghi-tong-ket-cong-tac-nam-2026')
    expect(slugs).toHaveLength(created)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const res of responses.filter((r) => r.status === 400)) expect(res.body.errors[0]).toMatchObject(slugTaken)
  })

  it('a clash only the database sees (a concurrent create committed after the look-up) gets the same message, and one row', async () => {
    const title = 'Tin về đích cùng lúc'
    await createArticle(portal.payload, { title, site: site.id }, { draft: true })
    // The look-up runs before the other create commits: it sees no article with this slug.
    const count = portal.payload.count.bind(portal.payload)
    const lookUp = vi.spyOn(portal.payload, 'count').mockImplementation(async (args) =>
      args.collection === 'articles' && JSON.stringify(args.where).includes('"slug"') ? { totalDocs: 0 } : count(args),
    )
    try {
      const res = await request(portal.app).post('/api/articles?draft=true').set('Authorization', editor).send({ title, site: site.id })
      expect(lookUp).toHaveBeenCalled()
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject(slugTaken)
    } finally {
      lookUp.mockRestore()
    }
    expect(await slugsOf(site.id, 'tin-ve-dich-cung-luc')).toEqual(['tin-ve-dich-cung-luc'])
  })

  it('a collision gets a clear Vietnamese message on the slug field', async () => {
    await createArticle(portal.payload, { title: 'Tin trùng đường dẫn', site: site.id }, { draft: true })
    const res = await request(portal.app).post('/api/articles?draft=true').set('Authorization', editor).send({ title: 'Tin trùng đường dẫn', site: site.id })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject(slugTaken)
  })

  it('the database itself refuses a second (site, slug), even past the hook; another site may reuse it', async () => {
    const other = await findSite(portal.payload, KONTUM.key)
    const row = { title: 'Bản ghi trực tiếp', slug: 'ban-ghi-truc-tiep', site: site.id, _status: 'draft' }
    await portal.payload.db.create({ collection: 'articles', data: row })
    await expect(portal.payload.db.create({ collection: 'articles', data: row })).rejects.toThrow()
    await portal.payload.db.create({ collection: 'articles', data: { ...row, site: other.id } })
    expect((await slugsOf(site.id, 'ban-ghi-truc-tiep'))).toEqual(['ban-ghi-truc-tiep'])
  })
})
