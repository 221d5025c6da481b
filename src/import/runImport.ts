import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import type { ImportOutcome, ImportTarget } from './importArticle.ts'
import type { ParsedPage } from './parsePage.ts'

import { env } from '../config/env.ts'
import { importArticle } from './importArticle.ts'
import { parsePage } from './parsePage.ts'
import { createProgress } from './progress.ts'
import { describePage, summarise } from './report.ts'

export const PAGE_EXTENSIONS = /\.(html?|aspx|asp|php|jsp|txt)$/i

/**
 * The pages named on the command line; folders are walked, their "<page>_files" image folders
 * skipped. A folder reached twice (a link back up the tree) is walked once.
 */
export async function collectPages(inputs: string[]): Promise<string[]> {
  const pages: string[] = []
  const walked = new Set<string>()
  const walk = async (entry: string): Promise<void> => {
    const stat = await fs.stat(entry)
    if (stat.isDirectory()) {
      const real = await fs.realpath(entry)
      if (walked.has(real)) return
      walked.add(real)
      const names = (await fs.readdir(entry)).sort()
      for (const name of names) {
        if (name.endsWith('_files') || name.startsWith('.')) continue
        const child = path.join(entry, name)
        if ((await fs.stat(child)).isDirectory() || PAGE_EXTENSIONS.test(name)) await walk(child)
      }
    } else pages.push(entry)
  }
  for (const input of inputs) await walk(input)
  return pages
}

export type PageResult = { file: string; page?: ParsedPage; outcome: ImportOutcome }

export type RunOptions = {
  files: string[]
  target: ImportTarget
  /** Where the report goes, line by line. */
  write?: (text: string) => void
  progress?: boolean
}

/** Parses and imports every page in turn; a page that fails is reported and the run goes on. */
export async function runImport(payload: Payload, { files, target, write = () => {}, progress = false }: RunOptions): Promise<PageResult[]> {
  const results: PageResult[] = []
  const bar = createProgress(files.length, progress)
  for (const [index, file] of files.entries()) {
    let result: PageResult
    try {
      // Photos larger than an upload may be are refused as they would be in the admin.
      const page = await parsePage(file, { imageBytes: env().uploadMaxBytes })
      result = { file, page, outcome: await importArticle(payload, page, target) }
    } catch (error) {
      result = { file, outcome: { status: 'failed', reason: (error as Error).message, media: { created: 0, reused: 0 } } }
    }
    results.push(result)
    bar.tick()
    write(describePage(result, index + 1, files.length))
  }
  bar.done()
  write(summarise(results, target))
  return results
}
