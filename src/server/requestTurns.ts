import type { RequestListener, ServerResponse } from 'node:http'

import { AsyncResource } from 'node:async_hooks'

type TurnOptions = {
  /** Synchronous work started per turn, in milliseconds (at least one request is started). */
  turnMs: number
  onError: (error: unknown) => void
  /** Milliseconds from a fixed point; tests pass their own clock. */
  now?: () => number
}

/**
 * Starts the requests it is given in the order they arrived, in turns of the event loop: each
 * turn starts as many as fit in `turnMs` of their synchronous work (at least one), and the rest
 * wait for the next turn.
 *
 * Why: since libuv 1.45 (Node 20) a listening socket accepts one new connection per turn of the
 * event loop (libuv pull request 3696), and a turn runs the handlers of every request that
 * arrived in it. Under load, with each uncached page taking about a millisecond, a turn lasted as
 * long as the requests of all the open connections together, and a burst of new readers was let
 * in one every 20 to 40 ms: with 50 new keep-alive connections on a busy server, the last one
 * waited 1.0–1.5 s for its first answer while the others were served in 45 ms. Short turns let
 * new connections in between batches, to wait in the same queue as everyone else.
 *
 * A request's own awaits still interleave with the others; only its start is queued, in the async
 * context it arrived in (its request id, src/ops/observe). Fresh pages of the page cache are
 * answered before this queue (src/server/frontDoor.ts).
 */
export function takeTurns(listener: RequestListener, { turnMs, onError, now = () => performance.now() }: TurnOptions): RequestListener {
  const waiting: { start: () => void; res: ServerResponse }[] = []
  let scheduled = false

  const startSome = () => {
    const turnEnds = now() + turnMs
    do {
      const next = waiting.shift()!
      try {
        next.start()
      } catch (error) {
        // Express catches its own errors; this keeps the queue moving if a listener ever throws.
        onError(error)
        if (!next.res.headersSent) next.res.writeHead(500).end()
      }
    } while (waiting.length > 0 && now() < turnEnds)
    // Scheduled from inside a turn's immediates, this runs in the following turn, after its poll.
    if (waiting.length > 0) setImmediate(startSome)
    else scheduled = false
  }

  return (req, res) => {
    waiting.push({ start: AsyncResource.bind(() => listener(req, res)), res })
    if (scheduled) return
    scheduled = true
    setImmediate(startSome)
  }
}
