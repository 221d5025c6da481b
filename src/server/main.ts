import { serve, exitWithError } from './serve.ts'
import { startNext } from './startNext.ts'
import { startPayload } from './startPayload.ts'

/** Production entry: configuration comes from the environment only. */
async function main(): Promise<void> {
  const payload = await startPayload({ runJobs: true })
  const handleNext = await startNext()
  serve(payload, handleNext)
}

main().catch(exitWithError)
