import { runCommand } from '../server/command.ts'
import { OpsError } from './errors.ts'

/** `runCommand` for the operations tools: an `OpsError` ends the process with one line, no stack trace. */
export function runOpsCommand(failure: string, main: () => Promise<void>): void {
  runCommand(failure, async () => {
    try {
      await main()
    } catch (error) {
      if (!(error instanceof OpsError)) throw error
      process.stderr.write(`${failure}: ${error.message}\n`)
      process.exit(1)
    }
  })
}
