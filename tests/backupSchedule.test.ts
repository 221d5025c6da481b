import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { backupName } from '../src/ops/backup/backup.ts'
import { verifyBackup } from '../src/ops/backup/verify.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'

const TASK = 'backupDaily'
const KEEP = 2

let portal: Portal
let backupDir: string

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-backups-'))
  backupDir = path.join(dir, 'backups')
  portal = await bootPortal({ seed: true, env: { BACKUP_DIR: backupDir, BACKUP_KEEP: String(KEEP) } })
})

afterAll(async () => {
  await portal?.close()
  if (backupDir) fs.rmSync(path.dirname(backupDir), { recursive: true, force: true })
})

/** Backups are named by the second; the next run waits for a second of its own. */
async function nextSecond(): Promise<void> {
  const current = backupName(new Date())
  while (backupName(new Date()) === current) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Queues the daily backup and runs it the way the server's job runner does; returns the job as left behind. */
async function runBackupJob() {
  await nextSecond()
  const job = await portal.payload.jobs.queue({ task: TASK, input: {} })
  await portal.payload.jobs.run({ queue: 'default' })
  // Finished jobs are deleted (src/jobs.ts); a failed one stays with its error.
  const left = await portal.payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, overrideAccess: true, depth: 0 })
  return left.docs[0]
}

const folders = () => fs.readdirSync(backupDir).sort()

describe('the daily backup job', () => {
  it('keeps the newest complete backups and leaves other folders alone', async () => {
    fs.mkdirSync(backupDir, { recursive: true })
    // Not backups: an operator's folder, and one another backup is still writing.
    const notes = path.join(backupDir, 'ghi-chu')
    fs.mkdirSync(notes)
    fs.writeFileSync(path.join(notes, 'doc.txt'), 'giữ lại')
    const writing = path.join(backupDir, 'cong-tin-20000101-000000.partial')
    fs.mkdirSync(writing)
    fs.writeFileSync(path.join(writing, 'database.sqlite'), 'đang ghi')

    const written: string[] = []
    for (let run = 0; run < 3; run++) {
      expect(await runBackupJob()).toBeUndefined()
      const made = folders().filter((name) => /^cong-tin-\d{8}-\d{6}$/.test(name) && !written.includes(name))
      expect(made).toHaveLength(1)
      written.push(made[0]!)
    }

    expect(folders()).toEqual([...written.slice(-KEEP), 'cong-tin-20000101-000000.partial', 'ghi-chu'].sort())
    for (const name of written.slice(-KEEP)) {
      const { manifest, problems } = await verifyBackup(path.join(backupDir, name))
      expect(problems).toEqual([])
      expect(manifest.database.tables.articles).toBe((await portal.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs)
    }
    expect(fs.readFileSync(path.join(notes, 'doc.txt'), 'utf8')).toBe('giữ lại')
    expect(fs.readFileSync(path.join(writing, 'database.sqlite'), 'utf8')).toBe('đang ghi')
  })

  it('fails the job when the backup fails midway, leaving the earlier backups and nothing that looks complete', async () => {
    const before = folders()
    // The disk fills while the media are copied, after the database copy is written.
    const copyFile = vi.spyOn(fs.promises, 'copyFile').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' }))
    const error = vi.spyOn(portal.payload.logger, 'error')
    try {
      const job = await runBackupJob()
      expect(copyFile).toHaveBeenCalled()
      expect(job?.hasError).toBe(true)
      expect(JSON.stringify(job?.log)).toContain('ENOSPC')
      expect(error.mock.calls.some(([line]) => (line as { msg?: string }).msg === 'daily backup failed')).toBe(true)
    } finally {
      copyFile.mockRestore()
      error.mockRestore()
    }
    expect(folders()).toEqual(before)
  })
})
