import { ConfigError } from '../config/env.ts'
import { DatabaseUnavailableError } from '../db/preflight.ts'

/**
 * Runs a command-line tool's `main` and exits: 0 when it finishes, 1 with one line for a
 * configuration or database problem (a stack trace only for the unexpected). The PostgreSQL
 * adapter leaves handles open, so the process exits explicitly.
 */
export function runCommand(failure: string, main: () => Promise<void>): void {
  main()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      const oneLine = error instanceof ConfigError || error instanceof DatabaseUnavailableError
      process.stderr.write(`${failure}: ${oneLine ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`)
      process.exit(1)
    })
}
