import { AsyncLocalStorage } from 'node:async_hooks'

type RequestContext = { reqId: string }

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs the handling of one request with its id, so every log line written meanwhile carries it. */
export function withRequestId<T>(reqId: string, run: () => T): T {
  return storage.run({ reqId }, run)
}

/** pino's `mixin`: adds the current request's id to each log line (nothing outside a request). */
export function requestLogFields(): Record<string, string> {
  const context = storage.getStore()
  return context ? { reqId: context.reqId } : {}
}
