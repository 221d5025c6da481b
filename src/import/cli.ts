import { parseArgs } from 'node:util'

import { ConfigError } from '../config/env.ts'
import { DatabaseUnavailableError } from '../db/preflight.ts'
import { startPayload, stopPayload } from '../server/startPayload.ts'
import { recordImportRun } from '../ops/audit/system.ts'
import { collectPages, runImport } from './runImport.ts'
import { loadTarget, UsageError } from './target.ts'

const USAGE = `Usage: npm run import -- --site <site key or host> [--category <slug>] [--publish | --publish-all] [--dry-run] [--progress] <files or folders…>`

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      category: { type: 'string' },
      publish: { type: 'boolean', default: false },
      'publish-all': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (!values.site || positionals.length === 0) throw new UsageError(USAGE)
  const files = await collectPages(positionals).catch((error: Error) => {
    throw new UsageError(`Cannot read ${error.message.replace(/^[A-Z]+: /, '')}`)
  })
  if (files.length === 0) throw new UsageError('No pages found (.html, .htm, .aspx, .txt …).')
  const payload = await startPayload()
  try {
    const target = await loadTarget(payload, {
      site: values.site,
      category: values.category,
      publish: values.publish,
      publishAll: values['publish-all'],
      dryRun: values['dry-run'],
    })
    const results = await runImport(payload, {
      files,
      target,
      write: (text) => process.stdout.write(text),
      progress: values.progress || Boolean(process.stderr.isTTY),
    })
    if (!target.dryRun) await recordImportRun(payload, target.site.id, results.map((result) => result.outcome.status))
    return results.some((result) => result.outcome.status === 'failed') ? 1 : 0
  } finally {
    await stopPayload(payload)
  }
}

const flush = () => new Promise<void>((resolve) => process.stdout.write('', () => resolve()))

main()
  .then(async (code) => {
    await flush()
    process.exit(code)
  })
  .catch(async (error: unknown) => {
    const oneLine = error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnavailableError
    process.stderr.write(`Import failed: ${oneLine ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`)
    await flush()
    process.exit(2)
  })
