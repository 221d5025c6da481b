import type { IncomingMessage, ServerResponse } from 'node:http'

import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'

import { takeTurns } from '../src/server/requestTurns.ts'
import { type Listening, listen } from './helpers/listen.ts'

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
const fakeRequest = (url: string) => [{ url } as IncomingMessage, { headersSent: false, writeHead: () => ({ end: () => undefined }) } as unknown as ServerResponse] as const

let listening: Listening | undefined
afterEach(() => listening?.close())

describe('requests started in turns of the event loop', () => {
  it('with no time to spare, starts queued requests in arrival order, one per turn, none before the next turn', async () => {
    const started: string[] = []
    const listener = takeTurns((req) => void started.push(req.url!), { turnMs: 0, onError: () => undefined })
    for (const url of ['/a', '/b', '/c']) listener(...fakeRequest(url))
    expect(started).toEqual([])
    await nextTurn()
    expect(started).toEqual(['/a'])
    await nextTurn()
    expect(started).toEqual(['/a', '/b'])
    listener(...fakeRequest('/d'))
    await nextTurn()
    await nextTurn()
    expect(started).toEqual(['/a', '/b', '/c', '/d'])
    // An empty queue stops; a later request starts again on the following turn.
    await nextTurn()
    listener(...fakeRequest('/e'))
    await nextTurn()
    expect(started).toEqual(['/a', '/b', '/c', '/d', '/e'])
  })

  it('starts as many as fit in the turn, then leaves the rest for the next turn', async () => {
    const started: string[] = []
    // Each start takes 3 ms of synchronous work; a turn of 5 ms fits two (the second starts at 3 ms).
    let clock = 0
    const listener = takeTurns((req) => (started.push(req.url!), (clock += 3)), { turnMs: 5, onError: () => undefined, now: () => clock })
    for (const url of ['/a', '/b', '/c', '/d', '/e']) listener(...fakeRequest(url))
    await nextTurn()
    expect(started).toEqual(['/a', '/b'])
    await nextTurn()
    expect(started).toEqual(['/a', '/b', '/c', '/d'])
    await nextTurn()
    expect(started).toEqual(['/a', '/b', '/c', '/d', '/e'])
  })

  it('starts each request in the async context it arrived in (its request id)', async () => {
    const requestId = new AsyncLocalStorage<string>()
    const seen: string[] = []
    const listener = takeTurns((req) => void seen.push(`${req.url} ${requestId.getStore()}`), { turnMs: 0, onError: () => undefined })
    for (const url of ['/a', '/b', '/c']) requestId.run(`id${url}`, () => listener(...fakeRequest(url)))
    for (let turn = 0; turn < 3; turn++) await nextTurn()
    expect(seen).toEqual(['/a id/a', '/b id/b', '/c id/c'])
  })

  it('keeps going after a listener that throws, which answers 500', async () => {
    const started: string[] = []
    const errors: unknown[] = []
    const listener = takeTurns(
      (req) => {
        started.push(req.url!)
        if (req.url === '/bad') throw new Error('boom')
      },
      { turnMs: 0, onError: (error) => errors.push(error) },
    )
    const statuses: number[] = []
    const [badReq] = fakeRequest('/bad')
    const badRes = { headersSent: false, writeHead: (status: number) => (statuses.push(status), { end: () => undefined }) } as unknown as ServerResponse
    listener(badReq, badRes)
    listener(...fakeRequest('/good'))
    await nextTurn()
    await nextTurn()
    expect(started).toEqual(['/bad', '/good'])
    expect(statuses).toEqual([500])
    expect((errors[0] as Error).message).toBe('boom')
  })

  it('serves real requests whose handlers await, each answered whole', async () => {
    listening = await listen(
      takeTurns(
        async (req, res) => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          res.end(`trang ${req.url}`)
        },
        { turnMs: 2, onError: () => undefined },
      ),
    )
    const port = listening.port
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve(body))
        }).on('error', reject)
      })
    const bodies = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`/${i}`)))
    expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => `trang /${i}`))
  })
})
