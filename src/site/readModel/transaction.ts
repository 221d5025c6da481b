import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

/** Runs `work` in a transaction of its own; a batch commits whole or not at all. */
export async function inTransaction(payload: Payload, work: (req: PayloadRequest) => Promise<unknown>): Promise<void> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await work(req)
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
