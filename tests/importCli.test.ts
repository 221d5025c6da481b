import { spawn } from 'node:child_process'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPortal, type Portal } from './helpers/bootPortal.ts'

const FIXTURES = path.join(import.meta.dirname, 'fixtures/legacy')

let portal: Portal

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
})
afterAll(async () => {
  await portal?.close()
})

/** `npm run import -- …` as a child process on the test's database. */
function runImportCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/import/cli.ts', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: portal.database.url,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
      DATA_DIR: process.env.DATA_DIR!,
      MEDIA_DIR: process.env.MEDIA_DIR!,
      LOG_LEVEL: 'warn',
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

const articleCount = async () => (await portal.payload.count({ collection: 'articles' })).totalDocs

describe('npm run import', () => {
  it('--dry-run reports every page and writes nothing; a failed page makes the exit code 1', async () => {
    const before = await articleCount()
    const { code, stdout } = await runImportCommand(['--site', 'hoabinh', '--dry-run', FIXTURES])
    expect(code).toBe(1)
    expect(stdout).toMatch(/dotnetnuke\.html: would create/)
    expect(stdout).toMatch(/title\s+high\s+"Hội nghị Sơ kết công tác thi đua/)
    expect(stdout).toMatch(/date\s+high\s+25\/07\/2020 10:18 \(UTC\+7\)/)
    expect(stdout).toMatch(/views\s+high\s+333/)
    expect(stdout).toMatch(/encoding VNI → Unicode/)
    expect(stdout).toMatch(/skipped\s+poll: "Thăm dò ý kiến"/)
    expect(stdout).toMatch(/mojibake\.txt: failed/)
    expect(stdout).toMatch(/Summary \(dry run: nothing written\): 7 pages for site "hoabinh": 6 would create, 0 would update, 0 unchanged, 1 failed/)
    expect(await articleCount()).toBe(before)
  })

  it('imports pages, then finds them unchanged; exit code 0 when every page succeeded', async () => {
    const before = await articleCount()
    const pages = [path.join(FIXTURES, 'sharepoint.html'), path.join(FIXTURES, 'tcvn3.txt')]
    const first = await runImportCommand(['--site', 'hoabinh', ...pages])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/sharepoint\.html: created \(article \d+, draft\)/)
    expect(first.stdout).toMatch(/byline\s+high\s+"Lê Quỳnh" → author "Lê Quỳnh"/)
    expect(first.stdout).toMatch(/category\s+"Thi đua khen thưởng" \(breadcrumb "Thi đua khen thưởng"\)/)
    expect(first.stdout).toMatch(/2 created, 0 updated, 0 unchanged, 0 failed; 1 photos imported/)
    expect(await articleCount()).toBe(before + 2)
    const second = await runImportCommand(['--site', 'hoabinh', '--progress', ...pages])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/0 created, 0 updated, 2 unchanged, 0 failed/)
    expect(second.stderr).toMatch(/2\/2 · [\d.]+ pages\/s/)
    expect(await articleCount()).toBe(before + 2)
  })

  it('--publish lists the drafts an editor must look at, counted apart; they are not failures', async () => {
    const toolbars = path.join(import.meta.dirname, 'fixtures/legacy-toolbars')
    const pages = [path.join(toolbars, 'toolbar-dnn.html'), path.join(toolbars, 'toolbar-liferay.txt')]
    const { code, stdout } = await runImportCommand(['--site', 'kontum', '--publish', ...pages])
    expect(code).toBe(0)
    expect(stdout).toMatch(/toolbar-dnn\.html: created \(article \d+, published\)/)
    expect(stdout).toMatch(/toolbar-liferay\.txt: created \(article \d+, draft for review\)\n(.*\n)*  review\s+date is a guess/)
    expect(stdout).toMatch(/2 pages for site "kontum": 1 created, 0 updated, 1 drafts for review, 0 unchanged, 0 failed;/)
    expect(stdout).toMatch(/\nCần biên tập viên xem lại \(1 drafts; --publish-all publishes them as they are\):\n  .*toolbar-liferay\.txt \(article \d+\): date is a guess \(first date in the text, "ngày 12\/01\/2021"\)\n$/)
  })

  it('an unknown site or a missing argument is a one-line error with exit code 2', async () => {
    const unknown = await runImportCommand(['--site', 'nowhere', FIXTURES])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim()).toBe('Import failed: No site "nowhere" (give a site key or one of its host names).')
    const usage = await runImportCommand([FIXTURES])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/^Import failed: Usage: npm run import -- --site/)
  })
})
