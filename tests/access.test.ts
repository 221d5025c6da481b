import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM, PASSWORD } from './helpers/demo.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site
let hoabinhDraft: Article
let hoabinhPublished: Article
let kontumEditor: string
let hoabinhEditor: string
let hoabinhReporter: string

async function articleOf(site: Site, status: 'draft' | 'published'): Promise<Article> {
  const result = await portal.payload.find({
    collection: 'articles',
    where: { and: [{ site: { equals: site.id } }, { _status: { equals: status } }] },
    draft: true,
    limit: 1,
  })
  return result.docs[0]!
}

async function termOf(group: 'issuer' | 'type'): Promise<number> {
  const found = await portal.payload.find({ collection: 'document-terms', where: { and: [{ site: { equals: hoabinh.id } }, { group: { equals: group } }] }, limit: 1, depth: 0 })
  return found.docs[0]!.id
}

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  hoabinhDraft = await articleOf(hoabinh, 'draft')
  hoabinhPublished = await articleOf(hoabinh, 'published')
  kontumEditor = await loginAs(portal.app, demoEmail.editor(KONTUM))
  hoabinhEditor = await loginAs(portal.app, demoEmail.editor(HOABINH))
  hoabinhReporter = await loginAs(portal.app, demoEmail.reporter(HOABINH))
})
afterAll(async () => {
  await portal?.close()
})

describe('an editor of one site and the drafts of another', () => {
  it('REST: the editor of site B cannot read drafts of site A, by list or by id', async () => {
    const list = await request(portal.app)
      .get('/api/articles')
      .query({ draft: 'true', limit: 100, depth: 0 })
      .set('Authorization', kontumEditor)
    expect(list.status).toBe(200)
    const sites = new Set(list.body.docs.map((doc: Article) => doc.site))
    expect([...sites]).toEqual([kontum.id])
    const byId = await request(portal.app).get(`/api/articles/${hoabinhDraft.id}?draft=true`).set('Authorization', kontumEditor)
    expect(byId.status).toBeGreaterThanOrEqual(403)
    expect(byId.status).toBeLessThan(405)
    expect(byId.text).not.toContain(hoabinhDraft.title)
  })

  it('REST: the editor of site A does read its own drafts', async () => {
    const byId = await request(portal.app).get(`/api/articles/${hoabinhDraft.id}?draft=true`).set('Authorization', hoabinhEditor)
    expect(byId.status).toBe(200)
    expect(byId.body.title).toBe(hoabinhDraft.title)
  })

  it('GraphQL: the editor of site B sees no document of site A', async () => {
    const result = await graphql(portal.app, '{ Articles(draft: true, limit: 100) { docs { id title site { id } } } }', {}, kontumEditor)
    expect(result.errors).toBeUndefined()
    const docs = result.data!.Articles.docs as { title: string; site: { id: number | string } }[]
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.site.id === kontum.id)).toBe(true)
    const single = await graphql(portal.app, 'query ($id: Int!) { Article(id: $id, draft: true) { title } }', { id: hoabinhDraft.id }, kontumEditor)
    expect(single.data?.Article ?? null).toBeNull()
    expect(JSON.stringify(single)).not.toContain(hoabinhDraft.title)
  })
})

describe('an editor of one site cannot change another', () => {
  it('REST: updating or deleting an article of site A is refused and the row is unchanged', async () => {
    const patch = await request(portal.app)
      .patch(`/api/articles/${hoabinhPublished.id}`)
      .set('Authorization', kontumEditor)
      .send({ title: 'Bị sửa trái phép' })
    expect(patch.status).toBeGreaterThanOrEqual(403)
    expect(patch.status).toBeLessThan(405)
    const del = await request(portal.app).delete(`/api/articles/${hoabinhPublished.id}`).set('Authorization', kontumEditor)
    expect(del.status).toBeGreaterThanOrEqual(403)
    expect(del.status).toBeLessThan(405)
    const row = await portal.payload.findByID({ collection: 'articles', id: hoabinhPublished.id })
    expect(row.title).toBe(hoabinhPublished.title)
  })

  it('REST: creating an article in site A is refused', async () => {
    const before = await portal.payload.count({ collection: 'articles', where: { site: { equals: hoabinh.id } } })
    const res = await request(portal.app)
      .post('/api/articles')
      .set('Authorization', kontumEditor)
      .send({ title: 'Bài chen ngang', slug: 'bai-chen-ngang', site: hoabinh.id, _status: 'published' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    const after = await portal.payload.count({ collection: 'articles', where: { site: { equals: hoabinh.id } } })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('GraphQL: updating an article of site A is refused', async () => {
    const result = await graphql(
      portal.app,
      'mutation ($id: Int!) { updateArticle(id: $id, data: { title: "Bị sửa trái phép" }) { title } }',
      { id: hoabinhPublished.id },
      kontumEditor,
    )
    expect(result.errors?.length).toBeGreaterThan(0)
    const row = await portal.payload.findByID({ collection: 'articles', id: hoabinhPublished.id })
    expect(row.title).toBe(hoabinhPublished.title)
  })

  it('REST: changing the site settings of site A is refused', async () => {
    const res = await request(portal.app).patch(`/api/sites/${hoabinh.id}`).set('Authorization', kontumEditor).send({ name: 'Chiếm quyền' })
    expect(res.status).toBeGreaterThanOrEqual(403)
    expect(res.status).toBeLessThan(405)
    const row = await portal.payload.findByID({ collection: 'sites', id: hoabinh.id })
    expect(row.name).toBe(HOABINH.name)
  })

  it('REST: an editor cannot make themselves an administrator', async () => {
    const me = await request(portal.app).get('/api/users/me').set('Authorization', kontumEditor)
    const res = await request(portal.app).patch(`/api/users/${me.body.user.id}`).set('Authorization', kontumEditor).send({ role: 'admin' })
    expect(res.status).toBeLessThan(500)
    const row = await portal.payload.findByID({ collection: 'users', id: me.body.user.id })
    expect(row.role).toBe('editor')
  })
})

describe('a reporter writes drafts and cannot publish', () => {
  it('REST: a reporter creates a draft but cannot create a published article', async () => {
    const draft = await request(portal.app)
      .post('/api/articles?draft=true')
      .set('Authorization', hoabinhReporter)
      .send({ title: 'Bản tin của phóng viên', site: hoabinh.id, _status: 'draft' })
    expect(draft.status).toBe(201)
    expect(draft.body.doc.slug).toBe('ban-tin-cua-phong-vien')
    const published = await request(portal.app)
      .post('/api/articles')
      .set('Authorization', hoabinhReporter)
      .send({ title: 'Tự đăng bài', site: hoabinh.id, _status: 'published' })
    expect(published.status).toBe(403)
    const count = await portal.payload.count({ collection: 'articles', where: { title: { equals: 'Tự đăng bài' } } })
    expect(count.totalDocs).toBe(0)
  })

  it('REST: a reporter cannot publish an existing draft', async () => {
    const res = await request(portal.app)
      .patch(`/api/articles/${hoabinhDraft.id}`)
      .set('Authorization', hoabinhReporter)
      .send({ _status: 'published' })
    expect(res.status).toBe(403)
    const row = await portal.payload.findByID({ collection: 'articles', id: hoabinhDraft.id, draft: true })
    expect(row._status).toBe('draft')
  })

  it('GraphQL: a reporter cannot publish', async () => {
    const result = await graphql(
      portal.app,
      'mutation ($id: Int!) { updateArticle(id: $id, data: { _status: published }) { _status } }',
      { id: hoabinhDraft.id },
      hoabinhReporter,
    )
    expect(result.errors?.length).toBeGreaterThan(0)
    const row = await portal.payload.findByID({ collection: 'articles', id: hoabinhDraft.id, draft: true })
    expect(row._status).toBe('draft')
  })

  it('REST: an editor of the same site publishes the draft', async () => {
    const res = await request(portal.app)
      .patch(`/api/articles/${hoabinhDraft.id}`)
      .set('Authorization', hoabinhEditor)
      .send({ _status: 'published' })
    expect(res.status).toBe(200)
    expect(res.body.doc._status).toBe('published')
    // Put it back for the anonymous tests below.
    await portal.payload.update({ collection: 'articles', id: hoabinhDraft.id, data: { _status: 'draft' } })
  })
})

describe('poll moderators and answerers read content as the public does', () => {
  it('REST and GraphQL: neither sees a draft article, document or unit of their own site', async () => {
    const draftDocument = await portal.payload.create({
      collection: 'documents',
      data: { site: hoabinh.id, number: '9/QĐ-NHAP', abstract: 'Văn bản nháp chỉ người viết được đọc', type: await termOf('type'), issuer: await termOf('issuer'), issuedAt: new Date().toISOString() },
      draft: true,
    })
    const draftUnit = await portal.payload.create({ collection: 'units', data: { site: hoabinh.id, name: 'Phòng nháp chưa công bố' }, draft: true })
    await portal.payload.create({
      collection: 'users',
      data: { email: 'traloi.access@congtin.local', password: PASSWORD, name: 'Cán bộ trả lời', role: 'answerer', unit: 'Sở Tư pháp', sites: [{ site: hoabinh.id }] },
    })
    const readers = { pollModerator: await loginAs(portal.app, demoEmail.pollModerator(HOABINH)), answerer: await loginAs(portal.app, 'traloi.access@congtin.local') }
    for (const [role, authorization] of Object.entries(readers)) {
      for (const [collection, draft] of [['articles', hoabinhDraft], ['documents', draftDocument], ['units', draftUnit]] as const) {
        const byId = await request(portal.app).get(`/api/${collection}/${draft.id}?draft=true`).set('Authorization', authorization)
        expect([role, collection, byId.status]).toEqual([role, collection, 404])
        const list = await request(portal.app).get(`/api/${collection}`).query({ draft: 'true', limit: 100, depth: 0 }).set('Authorization', authorization)
        expect(list.status).toBe(200)
        expect(list.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draft.id)
        // Nor through the versions, which hold every draft.
        const versions = await request(portal.app).get(`/api/${collection}/versions`).query({ 'where[parent][equals]': String(draft.id) }).set('Authorization', authorization)
        expect([role, collection, versions.status]).toEqual([role, collection, 403])
      }
      const query = await graphql(portal.app, `{ Articles(draft: true, limit: 100) { docs { id } } }`, {}, authorization)
      expect(query.data?.Articles.docs.length).toBeGreaterThan(0)
      expect(query.data?.Articles.docs.map((doc: { id: number }) => doc.id)).not.toContain(hoabinhDraft.id)
    }
    // A writer of the same site still reads all three.
    for (const [collection, draft] of [['articles', hoabinhDraft], ['documents', draftDocument], ['units', draftUnit]] as const) {
      expect((await request(portal.app).get(`/api/${collection}/${draft.id}?draft=true`).set('Authorization', hoabinhReporter)).status).toBe(200)
      const versions = await request(portal.app).get(`/api/${collection}/versions`).query({ 'where[parent][equals]': String(draft.id) }).set('Authorization', hoabinhReporter)
      expect(versions.body.docs.length).toBeGreaterThan(0)
    }
  })
})

describe('anonymous readers see published content only', () => {
  it('REST: lists and reads published articles but never a draft, even when asking for drafts', async () => {
    for (const query of [{}, { draft: 'true' }, { where: { _status: { equals: 'draft' } } }, { draft: 'true', where: { _status: { equals: 'draft' } } }]) {
      const res = await request(portal.app).get('/api/articles').query({ limit: 100, depth: 0, ...query })
      expect(res.status).toBe(200)
      // Asking for drafts only gives nothing; the other queries give the published articles.
      if (query.where) expect(res.body.docs).toEqual([])
      else expect(res.body.docs.length).toBeGreaterThanOrEqual(1)
      for (const doc of res.body.docs as Article[]) expect(doc._status).toBe('published')
      expect(res.text).not.toContain(hoabinhDraft.title)
    }
    const byId = await request(portal.app).get(`/api/articles/${hoabinhDraft.id}?draft=true`)
    expect(byId.status).toBeGreaterThanOrEqual(403)
    expect(byId.status).toBeLessThan(405)
  })

  it('GraphQL: queries with and without draft return no draft', async () => {
    for (const query of ['{ Articles(limit: 100) { docs { title _status } } }', '{ Articles(draft: true, limit: 100) { docs { title _status } } }']) {
      const result = await graphql(portal.app, query)
      expect(result.errors).toBeUndefined()
      const docs = result.data!.Articles.docs as { title: string; _status: string }[]
      expect(docs.length).toBeGreaterThan(0)
      expect(docs.every((doc) => doc._status === 'published')).toBe(true)
      expect(JSON.stringify(docs)).not.toContain(hoabinhDraft.title)
    }
  })

  it('REST and GraphQL: anonymous users cannot list accounts or write anything', async () => {
    const users = await request(portal.app).get('/api/users')
    expect(users.status).toBe(403)
    const create = await request(portal.app).post('/api/articles').send({ title: 'Khách', site: hoabinh.id })
    expect(create.status).toBe(403)
    const result = await graphql(portal.app, '{ Users { docs { email } } }')
    expect(JSON.stringify(result)).not.toContain('@congtin.local')
  })
})
