import autocannon from 'autocannon'
import fs from 'node:fs'
import { parseArgs } from 'node:util'

/**
 * The load generator of `npm run bench:polls` and `bench:forms`, in its own process: sends one POST
 * per prepared voter (cookie, address, captcha solution) to `--url` and prints autocannon's result
 * as JSON, with `elapsedSeconds` from the start to the last answer. autocannon's own start and
 * finish are read on its one-second tick, so a 5.1 s run would count as 6 s.
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, voters: { type: 'string' }, connections: { type: 'string' }, host: { type: 'string' } } })
type PreparedVote = { cookie: string; ip: string; body: string }
const voters = JSON.parse(fs.readFileSync(values.voters!, 'utf8')) as PreparedVote[]
let next = 0

let started = 0
let lastAnswer = 0
const instance = autocannon({
  url: values.url!,
  connections: Number(values.connections),
  amount: voters.length,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const voter = voters[next++ % voters.length]!
        return {
          ...request,
          headers: {
            ...request.headers,
            host: values.host!,
            cookie: voter.cookie,
            'x-forwarded-for': voter.ip,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: voter.body,
        }
      },
    },
  ],
})
instance.on('start', () => (started = performance.now()))
instance.on('response', () => (lastAnswer = performance.now()))
const result = await instance
process.stdout.write(`${JSON.stringify({ ...result, elapsedSeconds: (lastAnswer - started) / 1000 })}\n`)
