import http from 'node:http'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Category, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { listen } from './helpers/listen.ts'
import { articlePath } from '../src/site/paths.ts'

let portal: Portal
let site: Site
const TAGS = 130

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  for (let i = 0; i < TAGS; i++) {
    await portal.payload.create({ collection: 'tags', data: { title: `Từ khóa thử ${i}`, slug: `tu-khoa-thu-${i}`, site: site.id } })
  }
}, 120_000)
afterAll(async () => {
  await portal?.close()
})

describe('REST reads by the public are bounded', () => {
  it('limit=0 gives the default page, not every document', async () => {
    const res = await request(portal.app).get('/api/tags?limit=0')
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBeGreaterThan(TAGS)
    expect(res.body.docs).toHaveLength(10)
  })

  it('limit above 100 gives 100; pagination=false is ignored', async () => {
    const big = await request(portal.app).get('/api/tags?limit=100000')
    expect(big.body.docs).toHaveLength(100)
    const unpaged = await request(portal.app).get('/api/tags?pagination=false&limit=0')
    expect(unpaged.body.docs).toHaveLength(10)
  })

  it('depth above 2 is read at depth 2', async () => {
    const published = await portal.payload.find({ collection: 'articles', where: { _status: { equals: 'published' }, site: { equals: site.id }, categories: { exists: true } }, limit: 2, depth: 0 })
    const [article, related] = published.docs
    await portal.payload.update({ collection: 'articles', id: article!.id, data: { related: [related!.id] } })
    const res = await request(portal.app).get(`/api/articles/${article!.id}?depth=10`)
    expect(res.status).toBe(200)
    // depth 1: the related article is an object; depth 2: its categories too; depth 3 would make
    // the category's site an object as well.
    const category = res.body.related[0].categories[0]
    expect(category.title).toEqual(expect.any(String))
    expect(category.site).toBe(site.id)
    const deep = await portal.payload.findByID({ collection: 'articles', id: article!.id, depth: 3 })
    expect((((deep.related![0] as Article).categories![0]) as Category).site).toMatchObject({ id: site.id })
  })

  it('signed-in staff keep limit=0', async () => {
    const authorization = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const res = await request(portal.app).get('/api/tags?limit=0').set('Authorization', authorization)
    expect(res.body.docs.length).toBeGreaterThan(TAGS)
  })
})

describe('GraphQL reads by the public are bounded', () => {
  it('Tags(limit: 0) gives the default page; limit 500 gives 100', async () => {
    const zero = await graphql(portal.app, '{ Tags(limit: 0) { docs { id } totalDocs } }')
    expect(zero.errors).toBeUndefined()
    expect(zero.data!.Tags.docs).toHaveLength(10)
    const big = await graphql(portal.app, 'query ($n: Int) { Tags(limit: $n) { docs { id } } }', { n: 500 })
    expect(big.errors).toBeUndefined()
    expect(big.data!.Tags.docs).toHaveLength(100)
  })

  it('counts list sizes in the complexity: 100 documents × many fields is refused', async () => {
    const fields = Array.from({ length: 120 }, (_, i) => `f${i}: title`).join(' ')
    const small = await graphql(portal.app, `{ Tags(limit: 5) { docs { ${fields} } } }`)
    expect(small.errors).toBeUndefined()
    expect(small.data!.Tags.docs).toHaveLength(5)
    const large = await graphql(portal.app, `query ($n: Int) { Tags(limit: $n) { docs { ${fields} } } }`, { n: 100 })
    expect(large.data ?? null).toBeNull()
    expect(large.errors?.[0]?.message).toMatch(/Truy vấn quá lớn/)
  })
})

describe('request bodies are capped before anything reads them', () => {
  it('a 50 MB login body gets 413 at once', async () => {
    const res = await request(portal.app)
      .post('/api/users/login')
      .set('Content-Type', 'application/json')
      .set('Content-Length', String(50 * 1024 * 1024))
      .send('{"email":"a"}')
      .catch((error: { response?: request.Response }) => error.response!)
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/quá lớn/)
  })

  it('a real 3 MB JSON body to a document is refused; a small one is read', async () => {
    const big = await request(portal.app).post('/api/users/login').send({ email: 'x@congtin.local', password: 'x'.repeat(3 * 1024 * 1024) })
    expect(big.status).toBe(413)
    const small = await request(portal.app).post('/api/users/login').send({ email: 'x@congtin.local', password: 'x'.repeat(1000) })
    expect(small.status).toBe(401)
  })

  it('a chunked body without length is refused with 411', async () => {
    const server = await listen(portal.app)
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${server.origin}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
          res.resume()
          resolve(res.statusCode!)
        })
        req.on('error', reject)
        req.write('{"email":"a@b.c",')
        req.end('"password":"x"}')
      })
      expect(status).toBe(411)
    } finally {
      await server.close()
    }
  })

  it('uploads get UPLOAD_MAX_BYTES, other bodies BODY_MAX_BYTES', async () => {
    const authorization = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const upload = await request(portal.app)
      .post('/api/media')
      .set('Authorization', authorization)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(22 * 1024 * 1024))
      .send('--x--')
      .catch((error: { response?: request.Response }) => error.response!)
    expect(upload.status).toBe(413)
    expect(upload.body.errors[0].message).toMatch(/21 MB/)
  })

  it('public form posts get a plain Vietnamese 413 too', async () => {
    const res = await request(portal.app).post('/binh-chon').type('form').send(`a=${'x'.repeat(3 * 1024 * 1024)}`)
    expect(res.status).toBe(413)
    expect(res.headers['content-type']).toMatch(/text\/plain/)
    expect(res.text).toMatch(/quá lớn/)
  })
})

describe('fields and files the public does not need', () => {
  const INTERNAL = ['searchText', 'searchTitle', 'legacySource', 'legacyFingerprint', 'legacyHash']

  it('REST and GraphQL hide the search copies and import bookkeeping from the public, not from staff', async () => {
    const anonymous = await request(portal.app).get('/api/articles?limit=5')
    expect(anonymous.body.docs.length).toBeGreaterThan(0)
    for (const doc of anonymous.body.docs) for (const field of INTERNAL) expect(doc).not.toHaveProperty(field)
    const authorization = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const staff = await request(portal.app).get('/api/articles?limit=5').set('Authorization', authorization)
    expect(staff.body.docs[0].searchText).toEqual(expect.any(String))
    const gql = await graphql(portal.app, '{ Articles(limit: 3) { docs { title searchText legacyHash } } }')
    expect(gql.data?.Articles?.docs?.some((doc: { searchText?: string }) => doc.searchText)).toBeFalsy()
  })

  it("the editorial workflow (review state, the editor's notes, the review history, the writer's account) is for writers only", async () => {
    const WORKFLOW = ['reviewState', 'reviewNote', 'reviewHistory', 'createdBy']
    const returned = (await portal.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })).docs[0]!
    await portal.payload.update({ collection: 'articles', id: returned.id, data: { reviewNote: 'Ghi chú nội bộ của biên tập viên' }, depth: 0 })
    const anonymous = await request(portal.app).get(`/api/articles/${returned.id}`)
    expect(anonymous.status).toBe(200)
    for (const field of WORKFLOW) expect(anonymous.body).not.toHaveProperty(field)
    expect(JSON.stringify(anonymous.body)).not.toContain('Ghi chú nội bộ')
    for (const collection of ['documents', 'consultations']) {
      const list = await request(portal.app).get(`/api/${collection}?limit=5`)
      expect(list.body.docs.length).toBeGreaterThan(0)
      for (const doc of list.body.docs) expect(doc).not.toHaveProperty('reviewState')
    }
    const gql = await graphql(portal.app, `{ Article(id: ${returned.id}) { title reviewState reviewNote reviewHistory } }`)
    expect(JSON.stringify(gql.data ?? {})).not.toContain('Ghi chú nội bộ')
    expect(gql.data?.Article?.reviewState ?? null).toBeNull()
    expect((await request(portal.app).get('/api/articles?where[reviewState][equals]=approved')).status).toBe(400)
    const ownSite = returned.site === (await findSite(portal.payload, HOABINH.key)).id ? HOABINH : KONTUM
    const otherSite = ownSite === HOABINH ? KONTUM : HOABINH
    const staff = await request(portal.app).get(`/api/articles/${returned.id}`).set('Authorization', await loginAs(portal.app, demoEmail.reporter(ownSite)))
    expect(staff.body.reviewNote).toBe('Ghi chú nội bộ của biên tập viên')
    expect(staff.body).toHaveProperty('reviewState')
    // Staff of another site do not read the article at all (their reads are kept to their sites).
    const outsider = await request(portal.app).get(`/api/articles/${returned.id}`).set('Authorization', await loginAs(portal.app, demoEmail.reporter(otherSite)))
    expect(outsider.status).toBe(404)
    expect(JSON.stringify(outsider.body)).not.toContain('Ghi chú nội bộ')
  })

  it('the public cannot query by a hidden field', async () => {
    const res = await request(portal.app).get('/api/articles?where[searchText][contains]=a')
    expect(res.status).toBe(400)
  })

  it('the media library is not listed to the public; the published pages still show their images', async () => {
    const list = await request(portal.app).get('/api/media')
    expect(list.status).toBe(403)
    const gql = await graphql(portal.app, '{ allMedia(limit: 5) { docs { filename } } }')
    expect(gql.data?.allMedia ?? null).toBeNull()
    const authorization = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const staff = await request(portal.app).get('/api/media').set('Authorization', authorization)
    expect(staff.body.totalDocs).toBeGreaterThan(0)
    const article = await portal.payload.find({ collection: 'articles', where: { _status: { equals: 'published' }, cover: { exists: true } }, limit: 1, depth: 1 })
    const cover = article.docs[0]!.cover as { filename: string }
    const page = await request(portal.app).get(articlePath(article.docs[0]!.slug!)).set('Host', HOABINH.hosts[0]!)
    expect(page.status).toBe(200)
    expect(page.text).toContain(cover.filename.replace(/\.[^.]+$/, ''))
  })
})
