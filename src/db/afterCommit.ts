import type { Payload, PayloadRequest } from 'payload'

type TransactionId = number | string
type Work = () => void

const pending = new WeakMap<Payload, Map<TransactionId, Work[]>>()

/**
 * Runs work once the request's transaction has committed (at once when there is none), and drops
 * it when the transaction rolls back. Hooks run inside the transaction; anything that makes other
 * readers look again (a cache purge, a notice to other instances) must wait for the commit, or
 * they read the old rows and keep them.
 */
export async function afterCommit(req: PayloadRequest, work: Work): Promise<void> {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const queue = pending.get(req.payload)
  if (!id || !queue) return work()
  const list = queue.get(id)
  if (list) list.push(work)
  else queue.set(id, [work])
}

/** Wraps the adapter's commit and rollback so that afterCommit() can follow them (once, at start). */
export function trackCommits(payload: Payload): void {
  if (pending.has(payload)) return
  const queue = new Map<TransactionId, Work[]>()
  pending.set(payload, queue)
  const db = payload.db
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const key = id instanceof Promise ? await id : id
    await commit(key)
    const work = queue.get(key) ?? []
    queue.delete(key)
    for (const item of work) {
      try {
        item()
      } catch (error) {
        payload.logger.error({ err: error, msg: 'after-commit work failed' })
      }
    }
  }
  db.rollbackTransaction = async (id) => {
    const key = id instanceof Promise ? await id : id
    queue.delete(key)
    await rollback(key)
  }
}
