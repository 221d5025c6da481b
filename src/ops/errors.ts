/** A failure an operator can act on: the command prints its message as one line and exits with 1. */
export class OpsError extends Error {
  override name = 'OpsError'
}
