import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { importDocuments } from '../src/documents/importer.ts'
import { readStoreOf } from '../src/site/readModel/store.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { findSite, HOABINH } from './helpers/demo.ts'
import { makePdf } from './helpers/documents.ts'

let portal: Portal
let site: Site
let csvFile: string

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  site = await findSite(portal.payload, HOABINH.key)
  const folder = path.join(portal.tmpDir, 'csv')
  fs.mkdirSync(folder)
  csvFile = path.join(folder, 'van-ban.csv')
  fs.copyFileSync(path.join(import.meta.dirname, 'fixtures/documents/van-ban.csv'), csvFile)
  fs.writeFileSync(path.join(folder, 'qd-901.pdf'), await makePdf('Gia dat cu the huyen Mai Chau'))
})
afterAll(async () => {
  await portal?.close()
})

/** The register as rows: number, issue date, abstract, type, issuer, files. */
async function register() {
  const found = await portal.payload.find({ collection: 'documents', where: { site: { equals: site.id } }, depth: 1, limit: 200, sort: 'number' })
  return found.docs.map((doc) => [doc.number, doc.issuedAt, doc.abstract, typeof doc.type === 'object' ? doc.type.title : doc.type, (doc.files ?? []).length, doc.updatedAt])
}

describe('npm run import:documents', () => {
  it('imports the rows it can, reports the others, and a second run gives the same register', async () => {
    const report: string[] = []
    const first = await importDocuments(portal.payload, { site, csvFile, write: (line) => report.push(line) })
    expect(first.map((outcome) => outcome.status)).toEqual(['created', 'created', 'created', 'failed', 'failed'])
    expect(report.join('')).toContain('5 dòng: 3 created, 0 updated, 0 unchanged, 2 failed')
    expect(report.join('')).toContain('ngay_ban_hanh: "31/02/2022" không phải ngày dd/mm/yyyy')
    const imported = await portal.payload.findByID({ collection: 'documents', id: first[0]!.id!, depth: 1 })
    expect(imported).toMatchObject({ number: '901/QĐ-UBND', issuedAt: '2020-07-14T17:00:00.000Z', signer: 'Nguyễn Văn B', _status: 'published' })
    expect(imported.searchText).toContain(' gia dat cu the huyen mai chau ')
    // In the read model (written once at the end), so the public register shows it.
    expect(await readStoreOf(portal.payload).bySlug('document', String(site.id), '901-qd-ubnd-2020')).toBeDefined()

    const before = await register()
    const second = await importDocuments(portal.payload, { site, csvFile, write: () => undefined })
    expect(second.map((outcome) => outcome.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'failed', 'failed'])
    expect(await register()).toEqual(before)
  })

  it('updates a document whose row changed, found by site, number and issue date', async () => {
    const edited = fs.readFileSync(csvFile, 'utf8').replace('Quy định mức chi hỗ trợ', 'Quy định mức chi hỗ trợ (sửa)')
    fs.writeFileSync(csvFile, edited)
    const outcomes = await importDocuments(portal.payload, { site, csvFile, write: () => undefined })
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['unchanged', 'updated', 'unchanged', 'failed', 'failed'])
    const count = await portal.payload.count({ collection: 'documents', where: { number: { equals: '12/NQ-HĐND' } } })
    expect(count.totalDocs).toBe(1)
  })

  it('runs from the command line and exits 1 when a row failed', async () => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/documents/importCli.ts', '--site', HOABINH.key, csvFile], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: portal.database.url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, DATA_DIR: process.env.DATA_DIR!, MEDIA_DIR: process.env.MEDIA_DIR!, LOG_LEVEL: 'warn' } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(stdout).toContain('5 dòng: 0 created, 0 updated, 3 unchanged, 2 failed')
    expect(code).toBe(1)
  }, 120_000)
})
