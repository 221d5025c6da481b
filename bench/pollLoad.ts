import autocannon from 'autocannon'
import fs from 'node:fs'
import { parseArgs } from 'node:util'

/**
 * The load generator of `npm run bench:polls`, in its own process: sends one POST per prepared
 * voter (cookie, address, captcha solution) to `--url` and prints autocannon's result as JSON.
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, voters: { type: 'string' }, connections: { type: 'string' }, host: { type: 'string' } } })
type PreparedVote = { cookie: string; ip: string; body: string }
const voters = JSON.parse(fs.readFileSync(values.voters!, 'utf8')) as PreparedVote[]
let next = 0

const result = await autocannon({
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
process.stdout.write(`${JSON.stringify(result)}\n`)
