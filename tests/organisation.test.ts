import type { Person, Site, Unit } from '../src/payload-types.ts'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { DEMO_ORGANISATIONS } from '../src/seed/demoOrganisation.ts'
import { rebuildReadModel } from '../src/site/readModel/rebuild.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal
let hoabinh: Site
let kontum: Site

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const PAGES = ['/gioi-thieu', '/co-cau-to-chuc', '/lanh-dao', '/danh-ba', '/nguoi-phat-ngon']

const get = (host: string, path: string) => request(portal.app).get(path).set('Host', host)
const fresh = (host: string, path: string) => freshPage(() => get(host, path))
/** The text of a page without its tags, for asserting what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
})
afterAll(async () => {
  await portal?.close()
})

describe('the organisation pages of a site', () => {
  it('"Giới thiệu" shows the agency, its contacts, functions and duties, and its leaders', async () => {
    const res = await get(HOABINH_HOST, '/gioi-thieu')
    expect(res.status).toBe(200)
    const text = textOf(res.text)
    expect(text).toContain('Tỉnh ủy Hòa Bình')
    expect(text).toContain('Chức năng, nhiệm vụ')
    expect(text).toContain('Tỉnh ủy là cơ quan lãnh đạo của Đảng bộ tỉnh giữa hai kỳ đại hội')
    expect(text).toContain('0218 3852 100')
    expect(text).toContain('Đặng Thị Hương , Bí thư Tỉnh ủy')
  })

  it('"Cơ cấu tổ chức" draws every published unit in the SVG chart and lists it, nested, beside it', async () => {
    const res = await get(HOABINH_HOST, '/co-cau-to-chuc')
    expect(res.status).toBe(200)
    const svg = res.text.match(/<svg[^>]*class="org-chart"[\s\S]*?<\/svg>/)?.[0] ?? ''
    expect(svg).toContain('role="img"')
    const units = DEMO_ORGANISATIONS.hoabinh!.units
    expect(svg.match(/<g class="org-box/g)).toHaveLength(units.length)
    const list = res.text.slice(res.text.indexOf('id="cay-don-vi"'))
    for (const unit of units) {
      expect(svg).toContain(unit.name.split(' ')[0])
      expect(list).toContain(`href="/co-cau-to-chuc/${unit.slug}"`)
    }
    // Three levels: Phòng Tổng hợp is inside Văn phòng Tỉnh ủy's own list.
    expect(list).toMatch(/Văn phòng Tỉnh ủy<\/a><ul class="unit-tree"><li[^>]*><a href="\/co-cau-to-chuc\/phong-tong-hop">/)
  })

  it('a unit page shows where it belongs, its contacts and its people', async () => {
    const res = await get(HOABINH_HOST, '/co-cau-to-chuc/phong-tong-hop')
    expect(res.status).toBe(200)
    const text = textOf(res.text)
    expect(text).toContain('Trực thuộc: Văn phòng Tỉnh ủy')
    expect(text).toContain('Đinh Công Sơn')
    expect(text).toContain('0218 3852 111')
  })

  it('"Lãnh đạo" lists the leaders in order with photo and biography, and no one else', async () => {
    const text = textOf((await get(HOABINH_HOST, '/lanh-dao')).text)
    const order = ['Đặng Thị Hương', 'Nguyễn Văn Đức', 'Bùi Quốc Khánh'].map((name) => text.indexOf(name))
    expect(order.every((index) => index > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(text).toContain('Thạc sĩ Quản lý công')
    expect(text).not.toContain('Quách Minh Tuấn')
    expect((await get(HOABINH_HOST, '/lanh-dao')).text).toMatch(/<img[^>]+alt="Ảnh Đặng Thị Hương"/)
  })

  it('"Người phát ngôn" names the spokesperson with title, phone and e-mail (Decree 09/2017)', async () => {
    const res = await get(KONTUM_HOST, '/nguoi-phat-ngon')
    expect(res.status).toBe(200)
    const text = textOf(res.text)
    expect(text).toContain('Nghị định số 09/2017/NĐ-CP')
    expect(text).toContain('Hồ Thị Nga')
    expect(text).toContain('Chánh Văn phòng UBND tỉnh')
    expect(text).toContain('0260 3862 001')
    expect(res.text).toContain('href="mailto:htnga@kontum.example.vn"')
    expect(text).not.toContain('A Thông')
  })

  it('the menu of every page links the organisation pages', async () => {
    const res = await get(HOABINH_HOST, '/')
    expect(res.text).toMatch(/<details class="container site-menu"><summary class="menu-button">Menu<\/summary>/)
    for (const path of PAGES) expect(res.text).toContain(`href="${path}"`)
  })

  it('refuses a second unit with the same address on one site, and allows it on another', async () => {
    const data = { name: 'Văn phòng Tỉnh ủy', slug: 'van-phong-tinh-uy', kind: 'department' as const, _status: 'published' as const }
    await expect(portal.payload.create({ collection: 'units', data: { ...data, site: hoabinh.id } })).rejects.toThrow(/Đường dẫn|slug/)
    expect((await portal.payload.count({ collection: 'units', where: { slug: { equals: 'van-phong-tinh-uy' } } })).totalDocs).toBe(1)
    const other = await portal.payload.create({ collection: 'units', data: { ...data, site: kontum.id } })
    expect(other.slug).toBe('van-phong-tinh-uy')
    await portal.payload.delete({ collection: 'units', id: other.id })
  })

  it('answers 404 in Vietnamese for a unit that does not exist or a malformed address', async () => {
    const missing = await get(HOABINH_HOST, '/co-cau-to-chuc/khong-co-don-vi-nay')
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('Không tìm thấy đơn vị này.')
    expect((await get(HOABINH_HOST, '/co-cau-to-chuc/Sai%20Slug')).status).toBe(404)
  })
})

describe('one site never shows another site\'s organisation', () => {
  it('no page of Kon Tum names a unit or person of Hòa Bình, and the reverse', async () => {
    const names = (key: string) => [...DEMO_ORGANISATIONS[key]!.units.map((unit) => unit.name), ...DEMO_ORGANISATIONS[key]!.people.map((person) => person.name)]
    for (const path of PAGES) {
      const kontumText = textOf((await get(KONTUM_HOST, path)).text)
      const hoabinhText = textOf((await get(HOABINH_HOST, path)).text)
      for (const name of names('hoabinh')) expect(kontumText, `${path} on Kon Tum`).not.toContain(name)
      for (const name of names('kontum')) expect(hoabinhText, `${path} on Hòa Bình`).not.toContain(name)
    }
    // Positive control: each site shows its own.
    expect(textOf((await get(KONTUM_HOST, '/danh-ba')).text)).toContain('Lê Văn Sáng')
  })

  it('an editor of one site neither sees nor changes the units and people of another, drafts included', async () => {
    const kontumEditor = await loginAs(portal.app, demoEmail.editor(KONTUM))
    for (const collection of ['units', 'people']) {
      const list = await request(portal.app).get(`/api/${collection}`).query({ draft: 'true', limit: 200, depth: 0 }).set('Authorization', kontumEditor)
      expect(list.status).toBe(200)
      expect(list.body.totalDocs).toBeGreaterThan(0)
      expect(new Set(list.body.docs.map((doc: { site: number }) => doc.site))).toEqual(new Set([kontum.id]))
    }
    const office = (await portal.payload.find({ collection: 'units', where: { slug: { equals: 'van-phong-tinh-uy' } }, limit: 1 })).docs[0]!
    const change = await request(portal.app).patch(`/api/units/${office.id}`).set('Authorization', kontumEditor).send({ name: 'Đổi tên trái phép' })
    expect([403, 404]).toContain(change.status)
    expect((await portal.payload.findByID({ collection: 'units', id: office.id })).name).toBe('Văn phòng Tỉnh ủy')
  })

  it('a unit of one site is not found at its address on the other, nor found by the other\'s directory', async () => {
    expect((await get(KONTUM_HOST, '/co-cau-to-chuc/van-phong-tinh-uy')).status).toBe(404)
    expect((await get(HOABINH_HOST, '/co-cau-to-chuc/van-phong-tinh-uy')).status).toBe(200)
    const search = textOf((await get(KONTUM_HOST, '/danh-ba?q=dang%20thi%20huong')).text)
    expect(search).toContain('Tìm thấy 0 người')
  })
})

describe('the directory search', () => {
  it('finds a person without accents, with đ folded to d, in any case and in NFD', async () => {
    for (const query of ['dang thi huong', 'ĐẶNG HƯƠNG', 'Đặng Thị Hương'.normalize('NFD'), 'huong dang']) {
      const text = textOf((await get(HOABINH_HOST, `/danh-ba?q=${encodeURIComponent(query)}`)).text)
      expect(text, query).toContain('Tìm thấy 1 người')
      expect(text, query).toContain('Đặng Thị Hương')
      expect(text, query).not.toContain('Nguyễn Văn Đức')
    }
    const duc = textOf((await get(HOABINH_HOST, '/danh-ba?q=duc')).text)
    expect(duc).toContain('Nguyễn Văn Đức')
    expect(duc).not.toContain('Đặng Thị Hương')
  })

  it('finds people by title, unit and phone, and units by name', async () => {
    const byUnit = textOf((await get(HOABINH_HOST, '/danh-ba?q=ban%20tuyen%20giao')).text)
    expect(byUnit).toContain('Xa Thị Lan')
    expect(byUnit).toContain('Tìm thấy 1 người và 1 đơn vị')
    const byPhone = textOf((await get(HOABINH_HOST, '/danh-ba?q=3852%20111')).text)
    expect(byPhone).toContain('Đinh Công Sơn')
  })

  it('lists contact officials first when nothing is searched', async () => {
    const text = textOf((await get(HOABINH_HOST, '/danh-ba')).text)
    expect(text.indexOf('Lương Thị Thu')).toBeLessThan(text.indexOf('Đặng Thị Hương'))
  })

  it('answers a query that is too long with 400 and a Vietnamese reason', async () => {
    const res = await get(HOABINH_HOST, `/danh-ba?q=${'a'.repeat(201)}`)
    expect(res.status).toBe(400)
    expect(res.text).toContain('Từ khóa quá dài')
  })
})

describe('drafts stay out of public view', () => {
  let draftUnit: Unit
  let draftPerson: Person
  let editedPerson: Person

  beforeAll(async () => {
    const { payload } = portal
    const parent = (await payload.find({ collection: 'units', where: { slug: { equals: 'tinh-uy-hoa-binh' } }, limit: 1 })).docs[0]!
    draftUnit = await payload.create({ collection: 'units', draft: true, data: { name: 'Ban Dự Thảo Bí Mật', kind: 'department', parent: parent.id, site: hoabinh.id, _status: 'draft' } })
    draftPerson = await payload.create({
      collection: 'people',
      draft: true,
      data: { name: 'Nhân Vật Dự Thảo', title: 'Phó Bí thư dự kiến', isLeader: true, isSpokesperson: true, site: hoabinh.id, _status: 'draft' },
    })
    const published = (await payload.find({ collection: 'people', where: { slug: { equals: 'bui-quoc-khanh' } }, limit: 1 })).docs[0]!
    editedPerson = await payload.update({ collection: 'people', id: published.id, draft: true, data: { title: 'Chức vụ chưa duyệt', _status: 'draft' } })
  })

  it('pages never show a draft unit, a draft person or a draft change', async () => {
    for (const path of PAGES) {
      const text = textOf((await fresh(HOABINH_HOST, path)).text)
      expect(text, path).not.toContain('Ban Dự Thảo Bí Mật')
      expect(text, path).not.toContain('Nhân Vật Dự Thảo')
      expect(text, path).not.toContain('Chức vụ chưa duyệt')
    }
    expect(textOf((await get(HOABINH_HOST, '/lanh-dao')).text)).toContain('Bùi Quốc Khánh Phó Bí thư Tỉnh ủy')
    expect((await get(HOABINH_HOST, `/co-cau-to-chuc/${draftUnit.slug}`)).status).toBe(404)
  })

  it('REST never gives an anonymous reader a draft, by list or by id, with or without ?draft=true', async () => {
    for (const collection of ['units', 'people']) {
      for (const draft of ['false', 'true']) {
        const list = await request(portal.app).get(`/api/${collection}`).query({ limit: 200, draft, depth: 0 })
        expect(list.status).toBe(200)
        expect(list.body.totalDocs).toBeGreaterThan(0)
        const body = JSON.stringify(list.body)
        expect(body).not.toContain('Dự Thảo')
        expect(body).not.toContain('Chức vụ chưa duyệt')
      }
    }
    expect((await request(portal.app).get(`/api/units/${draftUnit.id}`)).status).toBe(404)
    expect((await request(portal.app).get(`/api/people/${draftPerson.id}?draft=true`)).status).toBe(404)
    const edited = await request(portal.app).get(`/api/people/${editedPerson.id}?draft=true`)
    expect(edited.status).toBe(200)
    expect(edited.body.title).toBe('Phó Bí thư Tỉnh ủy')
  })

  it('GraphQL never gives an anonymous reader a draft', async () => {
    const result = await graphql(
      portal.app,
      '{ units: Units(limit: 200) { docs { name } } unitDrafts: Units(draft: true, limit: 200) { docs { name } } people: People(limit: 200) { docs { name title } } peopleDrafts: People(draft: true, limit: 200) { docs { name title } } }',
    )
    expect(result.errors).toBeUndefined()
    const names = JSON.stringify(result.data)
    expect(names).toContain('Đặng Thị Hương')
    expect(names).not.toContain('Dự Thảo')
    expect(names).not.toContain('Chức vụ chưa duyệt')
    for (const draft of [false, true]) {
      const single = await graphql(portal.app, 'query ($id: Int!, $draft: Boolean) { Person(id: $id, draft: $draft) { name } }', { id: draftPerson.id, draft })
      expect(single.data?.Person ?? null).toBeNull()
    }
  })

  it('publishing shows the change at once on the cached pages; deleting takes it away', async () => {
    // Fill the cache first, so the change has to purge it.
    expect(textOf((await get(HOABINH_HOST, '/nguoi-phat-ngon')).text)).not.toContain('Nhân Vật Dự Thảo')
    await portal.payload.update({ collection: 'people', id: draftPerson.id, data: { _status: 'published' } })
    expect(textOf((await fresh(HOABINH_HOST, '/nguoi-phat-ngon')).text)).toContain('Nhân Vật Dự Thảo')
    expect(textOf((await fresh(HOABINH_HOST, '/lanh-dao')).text)).toContain('Nhân Vật Dự Thảo')
    expect(textOf((await fresh(KONTUM_HOST, '/lanh-dao')).text)).not.toContain('Nhân Vật Dự Thảo')
    await portal.payload.delete({ collection: 'people', id: draftPerson.id })
    expect(textOf((await fresh(HOABINH_HOST, '/nguoi-phat-ngon')).text)).not.toContain('Nhân Vật Dự Thảo')
  })

  it('renaming a unit rewrites the cards of its people', async () => {
    const unit = (await portal.payload.find({ collection: 'units', where: { slug: { equals: 'phong-tong-hop' } }, limit: 1 })).docs[0]!
    expect(textOf((await get(HOABINH_HOST, '/danh-ba?q=dinh%20cong%20son')).text)).toContain('Phòng Tổng hợp')
    await portal.payload.update({ collection: 'units', id: unit.id, data: { name: 'Phòng Tổng hợp - Thông tin' } })
    expect(textOf((await fresh(HOABINH_HOST, '/danh-ba?q=dinh%20cong%20son')).text)).toContain('Trưởng phòng Tổng hợp, Phòng Tổng hợp - Thông tin')
  })
})

describe('the read model', () => {
  it('a change to a leader\'s portrait rewrites the leader\'s record', async () => {
    const store = readStoreOf(portal.payload)
    const photoAlt = async () => (JSON.parse((await store.bySlug('person', String(hoabinh.id), 'dang-thi-huong'))!.summary) as { photo: { alt: string } }).photo.alt
    expect(await photoAlt()).toBe('Ảnh chân dung Đặng Thị Hương')
    const person = (await portal.payload.find({ collection: 'people', where: { slug: { equals: 'dang-thi-huong' } }, limit: 1, depth: 0 })).docs[0]!
    await portal.payload.update({ collection: 'media', id: person.photo as number, data: { alt: 'Đồng chí Đặng Thị Hương' } })
    expect(await photoAlt()).toBe('Đồng chí Đặng Thị Hương')
  })

  it('holds exactly the published units and people of each site, and a rebuild writes the same', async () => {
    const store = readStoreOf(portal.payload)
    const counts = async () => ({
      units: [await store.count('unit', String(hoabinh.id)), await store.count('unit', String(kontum.id))],
      people: [await store.count('person', String(hoabinh.id)), await store.count('person', String(kontum.id))],
    })
    const published = async (collection: 'people' | 'units', site: Site) =>
      (await portal.payload.count({ collection, where: { and: [{ site: { equals: site.id } }, { _status: { equals: 'published' } }] } })).totalDocs
    const expected = {
      units: [await published('units', hoabinh), await published('units', kontum)],
      people: [await published('people', hoabinh), await published('people', kontum)],
    }
    expect(expected.units[1]).toBe(DEMO_ORGANISATIONS.kontum!.units.length)
    expect(await counts()).toEqual(expected)
    await rebuildReadModel(portal.payload)
    expect(await counts()).toEqual(expected)
  })
})
