// autocannon ships no types and @types/autocannon is not installed: just the parts the benches use.
declare module 'autocannon' {
  type Options = {
    url: string
    connections?: number
    duration?: number
    /** Send exactly this many requests instead of running for `duration`. */
    amount?: number
    headers?: Record<string, string>
    timeout?: number
    /** `setupRequest` may rewrite each request before it is sent. */
    requests?: {
      method?: string
      path?: string
      setupRequest?: <R extends { path: string; headers?: Record<string, string>; body?: string }>(request: R) => R
    }[]
  }
  type Histogram = { average: number; mean: number; p50: number; p97_5: number; p99: number; max: number }
  export type Result = {
    requests: Histogram & { total: number; sent: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    start: Date | string
    finish: Date | string
    timeouts: number
    non2xx: number
    '2xx': number
  }
  /** A run in progress: awaitable for its result, and an emitter of 'start' and 'response'. */
  type Instance = Promise<Result> & { on(event: 'start' | 'response', listener: () => void): Instance }
  export default function autocannon(options: Options): Instance
}
