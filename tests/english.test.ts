import type { Payload } from 'payload'

import type { Site, Unit } from '../src/payload-types.ts'

import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Portal } from './helpers/bootPortal.ts'

import { DEMO_ORGANISATIONS } from '../src/seed/demoOrganisation.ts'
import { DEMO_ENGLISH } from '../src/seed/demoOrganisationEnglish.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH } from './helpers/demo.ts'
import { freshPage } from './helpers/pages.ts'

let portal: Portal
let hoabinh: Site

const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const ORIGIN = 'http://localhost:3000'
const EN_PAGES = ['/en/', '/en/structure', '/en/leaders', '/en/contacts', '/en/spokesperson']
const VI_PAGES = ['/gioi-thieu', '/co-cau-to-chuc', '/lanh-dao', '/danh-ba', '/nguoi-phat-ngon']
const NOT_TRANSLATED = 'This information has not been translated into English yet.'

const get = (host: string, path: string) => request(portal.app).get(path).set('Host', host)
const fresh = (host: string, path: string) => freshPage(() => get(host, path))
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
/** The hreflang alternates of a page: language → address. */
const alternatesOf = (html: string) => Object.fromEntries([...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1], match[2]]))
const languageSwitchOf = (html: string) => html.match(/<p class="language-switch"><a href="([^"]+)" lang="([a-z]+)"/)?.slice(1)

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  hoabinh = await findSite(portal.payload, HOABINH.key)
})
afterAll(async () => {
  await portal?.close()
})

describe('the English pages', () => {
  it('the introduction shows the agency, its contacts, functions and leaders in English, with lang="en"', async () => {
    const res = await get(HOABINH_HOST, '/en/')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<html lang="en">')
    const text = textOf(res.text)
    expect(text).toContain('Hoa Binh Provincial Party Committee')
    expect(text).toContain('Functions and duties')
    expect(text).toContain('The Provincial Party Committee is the leading body of the provincial Party organisation')
    expect(text).toContain('2 Tran Hung Dao Street')
    expect(text).toContain('Đặng Thị Hương , Secretary of the Provincial Party Committee')
    expect(text).not.toContain('Chức năng, nhiệm vụ')
    expect(text).not.toContain('Bí thư Tỉnh ủy')
  })

  it('the structure draws the chart with English names and lists English unit pages', async () => {
    const res = await get(HOABINH_HOST, '/en/structure')
    expect(res.status).toBe(200)
    const svg = res.text.match(/<svg[^>]*class="org-chart"[\s\S]*?<\/svg>/)?.[0] ?? ''
    expect(svg).toContain('Organisation chart of Hoa Binh Provincial Party Committee')
    expect(svg).toContain('Organisation')
    expect(svg.match(/<g class="org-box/g)).toHaveLength(DEMO_ORGANISATIONS.hoabinh!.units.length)
    const list = res.text.slice(res.text.indexOf('id="unit-tree"'))
    for (const unit of DEMO_ORGANISATIONS.hoabinh!.units) expect(list).toContain(`href="/en/structure/${unit.slug}"`)
    expect(list).toMatch(/Office of the Provincial Party Committee<\/a><ul class="unit-tree"><li[^>]*><a href="\/en\/structure\/phong-tong-hop">General Affairs Division/)
  })

  it('leaders, contacts, spokesperson and a unit page speak English', async () => {
    const leaders = textOf((await get(HOABINH_HOST, '/en/leaders')).text)
    expect(leaders).toContain('Master of Public Administration')
    expect(leaders).not.toContain('Thạc sĩ')
    const spokesperson = textOf((await get(HOABINH_HOST, '/en/spokesperson')).text)
    expect(spokesperson).toContain('Lương Thị Thu')
    expect(spokesperson).toContain('Chief of the Office of the Provincial Party Committee')
    const unit = textOf((await get(HOABINH_HOST, '/en/structure/phong-tong-hop')).text)
    expect(unit).toContain('Part of: Office of the Provincial Party Committee')
    expect(unit).toContain('Compiles the situation and prepares the periodic reports')
    expect(unit).toContain('Đinh Công Sơn')
  })

  it('the contacts directory searches English titles and unit names, accent-insensitively for names', async () => {
    const byTitle = textOf((await get(HOABINH_HOST, '/en/contacts?q=propaganda')).text)
    expect(byTitle).toContain('Found 1 person and 1 unit for “propaganda”.')
    expect(byTitle).toContain('Xa Thị Lan')
    const byName = textOf((await get(HOABINH_HOST, '/en/contacts?q=dang%20thi%20huong')).text)
    expect(byName).toContain('Found 1 person')
    expect(byName).toContain('Đặng Thị Hương')
    const all = textOf((await get(HOABINH_HOST, '/en/contacts')).text)
    expect(all.indexOf('Lương Thị Thu')).toBeLessThan(all.indexOf('Đặng Thị Hương'))
  })

  it('answers 404 in English, for a unit that does not exist and for any other unknown English address', async () => {
    const unit = await get(HOABINH_HOST, '/en/structure/khong-co-don-vi-nay')
    expect(unit.status).toBe(404)
    expect(unit.text).toContain('<html lang="en"')
    expect(unit.text).toContain('Unit not found.')
    expect(unit.text).toContain('href="/en/"')
    const unknown = await get(HOABINH_HOST, '/en/no-such-page')
    expect(unknown.status).toBe(404)
    expect(unknown.text).toContain('<html lang="en"')
    expect(unknown.text).toContain('Page not found')
    expect(unknown.text).not.toContain('Không tìm thấy trang')
    // A Vietnamese address keeps its Vietnamese page.
    const vietnamese = await get(HOABINH_HOST, '/khong-co-trang-nay')
    expect(vietnamese.status).toBe(404)
    expect(vietnamese.text).toContain('Không tìm thấy trang')
  })
})

describe('the two languages point at each other', () => {
  it('each Vietnamese organisation page and its English version carry hreflang alternates both ways', async () => {
    const pairs = [...VI_PAGES.map((vi, index) => [vi, EN_PAGES[index]!]), ['/co-cau-to-chuc/phong-tong-hop', '/en/structure/phong-tong-hop']]
    for (const [vi, en] of pairs) {
      const expected = { vi: `${ORIGIN}${vi}`, en: `${ORIGIN}${en}`, 'x-default': `${ORIGIN}${vi}` }
      const viPage = (await get(HOABINH_HOST, vi!)).text
      const enPage = (await get(HOABINH_HOST, en!)).text
      expect(alternatesOf(viPage), vi).toEqual(expected)
      expect(alternatesOf(enPage), en).toEqual(expected)
      expect(languageSwitchOf(viPage), vi).toEqual([en, 'en'])
      expect(languageSwitchOf(enPage), en).toEqual([vi, 'vi'])
    }
  })

  it('every other public page has the switch, to the English section, and no hreflang', async () => {
    for (const path of ['/', '/van-ban', '/lich-cong-tac', '/hoi-dap']) {
      const res = await get(HOABINH_HOST, path)
      expect(res.status, path).toBe(200)
      expect(languageSwitchOf(res.text), path).toEqual(['/en/', 'en'])
      expect(alternatesOf(res.text), path).toEqual({})
    }
  })
})

describe('an untranslated page', () => {
  it('says so in English and links to the Vietnamese page, never a blank', async () => {
    const res = await get(HOABINH_HOST, '/en/structure/truong-chinh-tri-tinh')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<html lang="en">')
    expect(textOf(res.text)).toContain(NOT_TRANSLATED)
    expect(res.text).toContain('<a href="/co-cau-to-chuc/truong-chinh-tri-tinh" hrefLang="vi">Read it in Vietnamese</a>')
    // The name is still there, marked as Vietnamese.
    expect(res.text).toContain('<span lang="vi">Trường Chính trị tỉnh</span>')
    // The breadcrumb's last step too.
    expect(res.text).toContain('<span aria-current="page" lang="vi">Trường Chính trị tỉnh</span>')
    // The translated ones do not carry the notice.
    expect(textOf((await get(HOABINH_HOST, '/en/structure/phong-tong-hop')).text)).not.toContain(NOT_TRANSLATED)
  })

  it('a translated unit whose functions are not yet in English says so in that section', async () => {
    const office = (await portal.payload.find({ collection: 'units', where: { slug: { equals: 'ban-to-chuc-tinh-uy' } }, limit: 1 })).docs[0]!
    await portal.payload.update({ collection: 'units', id: office.id, locale: 'en', data: { functions: null } })
    const text = textOf((await fresh(HOABINH_HOST, '/en/structure/ban-to-chuc-tinh-uy')).text)
    expect(text).toContain('Organisation Commission')
    expect(text).toContain(NOT_TRANSLATED)
    // The Vietnamese page keeps its functions.
    expect(textOf((await get(HOABINH_HOST, '/co-cau-to-chuc/ban-to-chuc-tinh-uy')).text)).toContain('Tham mưu về tổ chức bộ máy')
  })
})

describe('one site never shows another site\'s organisation in English', () => {
  it('no English page of one site names a unit, a title or a person of the other', async () => {
    const words = (key: string) => [
      ...Object.values(DEMO_ENGLISH[key]!.units).map((unit) => unit.name),
      ...Object.values(DEMO_ENGLISH[key]!.people).map((person) => person.title),
      ...DEMO_ORGANISATIONS[key]!.people.map((person) => person.name),
    ]
    for (const path of EN_PAGES) {
      const kontumText = textOf((await get(KONTUM_HOST, path)).text)
      const hoabinhText = textOf((await get(HOABINH_HOST, path)).text)
      for (const word of words('hoabinh')) expect(kontumText, `${path} on Kon Tum`).not.toContain(word)
      for (const word of words('kontum')) expect(hoabinhText, `${path} on Hòa Bình`).not.toContain(word)
    }
    expect(textOf((await get(KONTUM_HOST, '/en/')).text)).toContain('Kon Tum Provincial People’s Committee')
    expect((await get(KONTUM_HOST, '/en/structure/van-phong-tinh-uy')).status).toBe(404)
    expect(textOf((await get(KONTUM_HOST, '/en/contacts?q=secretary')).text)).toContain('Found 0 people')
  })
})

describe('editing in English', () => {
  it('an editor saving in English through REST changes the English page only, at once', async () => {
    const editor = await loginAs(portal.app, demoEmail.editor(HOABINH))
    const division = (await portal.payload.find({ collection: 'units', where: { slug: { equals: 'phong-tong-hop' } }, limit: 1 })).docs[0]!
    expect(textOf((await get(HOABINH_HOST, '/en/structure')).text)).toContain('General Affairs Division')
    const saved = await request(portal.app).patch(`/api/units/${division.id}?locale=en`).set('Authorization', editor).send({ name: 'General Affairs and Synthesis Division' })
    expect(saved.status).toBe(200)
    expect(textOf((await fresh(HOABINH_HOST, '/en/structure')).text)).toContain('General Affairs and Synthesis Division')
    const vietnamese = textOf((await fresh(HOABINH_HOST, '/co-cau-to-chuc')).text)
    expect(vietnamese).toContain('Phòng Tổng hợp')
    expect(vietnamese).not.toContain('Synthesis')
    // The person's card shows the unit's new English name.
    expect(textOf((await fresh(HOABINH_HOST, '/en/contacts')).text)).toContain('Head of the General Affairs Division, General Affairs and Synthesis Division')
  })
})

describe('drafts stay out of public view in English', () => {
  let draftUnit: Unit
  let editedUnitId: number

  beforeAll(async () => {
    const { payload } = portal
    const agency = (await payload.find({ collection: 'units', where: { slug: { equals: 'tinh-uy-hoa-binh' } }, limit: 1 })).docs[0]!
    draftUnit = await payload.create({ collection: 'units', draft: true, data: { name: 'Ban Dự Thảo', kind: 'department', parent: agency.id, site: hoabinh.id, _status: 'draft' } })
    await payload.update({ collection: 'units', id: draftUnit.id, locale: 'en', draft: true, data: { name: 'Secret Draft Commission', _status: 'draft' } })
    const commission = (await payload.find({ collection: 'units', where: { slug: { equals: 'ban-tuyen-giao-tinh-uy' } }, limit: 1 })).docs[0]!
    editedUnitId = commission.id
    await payload.update({ collection: 'units', id: commission.id, locale: 'en', draft: true, data: { name: 'Unapproved English Name', _status: 'draft' } })
  })

  it('pages never show an English draft', async () => {
    for (const path of [...EN_PAGES, '/en/structure/ban-tuyen-giao-tinh-uy']) {
      const text = textOf((await fresh(HOABINH_HOST, path)).text)
      expect(text, path).not.toContain('Secret Draft Commission')
      expect(text, path).not.toContain('Unapproved English Name')
    }
    expect(textOf((await get(HOABINH_HOST, '/en/structure')).text)).toContain('Propaganda and Education Commission')
    expect((await get(HOABINH_HOST, `/en/structure/${draftUnit.slug}`)).status).toBe(404)
  })

  it('REST with ?locale=en (or all) never gives an anonymous reader a draft', async () => {
    for (const locale of ['en', 'all']) {
      for (const draft of ['false', 'true']) {
        const list = await request(portal.app).get('/api/units').query({ limit: 200, draft, depth: 0, locale })
        expect(list.status).toBe(200)
        expect(list.body.totalDocs).toBeGreaterThan(0)
        const body = JSON.stringify(list.body)
        expect(body, `${locale} ${draft}`).not.toContain('Secret Draft')
        expect(body, `${locale} ${draft}`).not.toContain('Unapproved English Name')
      }
    }
    expect((await request(portal.app).get(`/api/units/${draftUnit.id}?locale=en&draft=true`)).status).toBe(404)
    const edited = await request(portal.app).get(`/api/units/${editedUnitId}?locale=en&draft=true`)
    expect(edited.status).toBe(200)
    expect(edited.body.name).toBe('Propaganda and Education Commission')
  })

  it('GraphQL with locale: en never gives an anonymous reader a draft', async () => {
    const result = await graphql(portal.app, '{ a: Units(locale: en, limit: 200) { docs { name } } b: Units(locale: en, draft: true, limit: 200) { docs { name } } }')
    expect(result.errors).toBeUndefined()
    const names = JSON.stringify(result.data)
    expect(names).toContain('Propaganda and Education Commission')
    expect(names).not.toContain('Secret Draft')
    expect(names).not.toContain('Unapproved English Name')
    const single = await graphql(portal.app, 'query ($id: Int!) { Unit(id: $id, locale: en, draft: true) { name } }', { id: draftUnit.id })
    expect(single.data?.Unit ?? null).toBeNull()
  })
})

/* Runs last: the round trip drops every English translation (the old schema has nowhere to keep them). */
describe('the localization migration', () => {
  type Row = Record<string, unknown>
  type Adapter = { name: string; drizzle: unknown; client?: { execute: (query: { sql: string; args: unknown[] }) => Promise<{ rows: unknown[] }> }; pool?: { query: (text: string, args: unknown[]) => Promise<{ rows: unknown[] }> } }
  const adapterOf = (payload: Payload) => payload.db as unknown as Adapter
  const sqlite = () => adapterOf(portal.payload).name === 'sqlite'
  /** One statement with `?` placeholders on either database. */
  async function query(text: string, args: unknown[] = []): Promise<Row[]> {
    const adapter = adapterOf(portal.payload)
    if (adapter.client) return (await adapter.client.execute({ sql: text, args })).rows as Row[]
    let index = 0
    return (await adapter.pool!.query(text.replace(/\?/g, () => `$${++index}`), args)).rows as Row[]
  }
  // Loaded by a computed name: the two dialects' migration types cannot share one program.
  const MIGRATIONS = { sqlite: '../migrations/sqlite/20261204_183453_english_organisation.ts', postgres: '../migrations/postgres/20261204_183514_english_organisation.ts' }
  type Migration = Record<'down' | 'up', (args: { db: unknown; payload: Payload; req: object }) => Promise<void>>
  const run = async (direction: 'down' | 'up') => {
    const migration = (await import(MIGRATIONS[sqlite() ? 'sqlite' : 'postgres'])) as Migration
    await migration[direction]({ db: adapterOf(portal.payload).drizzle, payload: portal.payload, req: {} })
  }

  it('keeps the Vietnamese texts of units and people, and of their versions, through the change of tables', async () => {
    const { payload } = portal
    const unit = (await payload.find({ collection: 'units', where: { slug: { equals: 'van-phong-tinh-uy' } }, limit: 1 })).docs[0]!
    const person = (await payload.find({ collection: 'people', where: { slug: { equals: 'luong-thi-thu' } }, limit: 1 })).docs[0]!
    // Back to the schema before localization: the texts are in the tables' own columns again.
    await run('down')
    expect(await query('SELECT name, address FROM units WHERE id = ?', [unit.id])).toEqual([{ name: 'Văn phòng Tỉnh ủy', address: null }])
    expect((await query('SELECT title FROM people WHERE id = ?', [person.id]))[0]!.title).toBe('Chánh Văn phòng Tỉnh ủy')
    // Content written under the old schema, main table and its latest version alike.
    await query('UPDATE units SET name = ?, address = ? WHERE id = ?', ['Văn phòng Tỉnh ủy Hòa Bình', 'Số 2 Trần Hưng Đạo', unit.id])
    await query('UPDATE _units_v SET version_name = ? WHERE parent_id = ?', ['Văn phòng Tỉnh ủy Hòa Bình', unit.id])
    await query('UPDATE people SET bio = ? WHERE id = ?', ['Sinh năm 1975.', person.id])
    await run('up')
    const rows = await query("SELECT name, address, _locale FROM units_locales WHERE _parent_id = ?", [unit.id])
    expect(rows).toEqual([{ name: 'Văn phòng Tỉnh ủy Hòa Bình', address: 'Số 2 Trần Hưng Đạo', _locale: 'vi' }])
    const units = await query('SELECT COUNT(*) AS n FROM units')
    const viRows = await query("SELECT COUNT(*) AS n FROM units_locales WHERE _locale = 'vi' AND name IS NOT NULL")
    expect(Number(viRows[0]!.n)).toBe(Number(units[0]!.n))
    const read = await payload.findByID({ collection: 'units', id: unit.id, locale: 'vi' })
    expect(read.name).toBe('Văn phòng Tỉnh ủy Hòa Bình')
    expect(read.functions).toBeTruthy()
    const versions = await payload.findVersions({ collection: 'units', where: { parent: { equals: unit.id } }, sort: '-updatedAt', limit: 1, locale: 'vi' })
    expect(versions.docs[0]!.version.name).toBe('Văn phòng Tỉnh ủy Hòa Bình')
    const readPerson = await payload.findByID({ collection: 'people', id: person.id, locale: 'vi' })
    expect([readPerson.title, readPerson.bio]).toEqual(['Chánh Văn phòng Tỉnh ủy', 'Sinh năm 1975.'])
    // The schema is whole again: an English translation can be written and read back.
    await payload.update({ collection: 'units', id: unit.id, locale: 'en', data: { name: 'Party Committee Office' } })
    expect((await payload.findByID({ collection: 'units', id: unit.id, locale: 'en' })).name).toBe('Party Committee Office')
  })
})
