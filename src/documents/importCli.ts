import { parseArgs } from 'node:util'

import { startPayload, stopPayload } from '../server/startPayload.ts'
import { importDocuments } from './importer.ts'

const USAGE = 'Usage: npm run import:documents -- --site <site key> <file.csv>'

/** `npm run import:documents`: exit 0 when every row was imported or unchanged, 1 when a row failed. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { site: { type: 'string' } } })
  if (!values.site || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    process.exitCode = 2
    return
  }
  const payload = await startPayload()
  try {
    const found = await payload.find({ collection: 'sites', where: { key: { equals: values.site } }, limit: 1, depth: 0 })
    const site = found.docs[0]
    if (!site) {
      process.stderr.write(`Import failed: no site with key "${values.site}"\n`)
      process.exitCode = 2
      return
    }
    const outcomes = await importDocuments(payload, { site, csvFile: positionals[0]!, write: (text) => process.stdout.write(text) })
    process.exitCode = outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0
  } finally {
    await stopPayload(payload)
  }
}

const flush = () => new Promise<void>((resolve) => process.stdout.write('', () => resolve()))

// The PostgreSQL adapter leaves handles open: the process exits explicitly, with the row outcome's code.
main()
  .then(async () => {
    await flush()
    process.exit(process.exitCode ?? 0)
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`Import failed: ${(error as Error).stack ?? String(error)}\n`)
    await flush()
    process.exit(2)
  })
