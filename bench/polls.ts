import type { ChildProcess } from 'node:child_process'
import type { Result } from 'autocannon'
import type { Server } from 'node:http'

import { execFile, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs, promisify } from 'node:util'

import { benchEnv } from './env.ts'

/**
 * `npm run bench:polls [-- --votes N --connections C --runs R --cost M]`
 * Accepted votes per second through the whole vote endpoint (site lookup, body parsing, captcha
 * verification, rate limiter, duplicate check, the transaction writing the used challenge and the
 * vote), on a fresh SQLite database (or DATABASE_URL), against a raw Node `http` server measured
 * in the same run with the same load generator. Captcha solutions are computed before each round.
 * After each round the vote rows and the tally must equal the number sent, with no error.
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const NODE = [process.execPath, '--conditions=production', '--import', 'tsx']
const HOST = 'localhost'

const { values: args } = parseArgs({
  options: {
    votes: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    cost: { type: 'string', default: '1000' },
  },
})
const options = Object.fromEntries(Object.entries(args).map(([name, raw]) => {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`)
  return [name, value]
})) as { votes: number; connections: number; runs: number; cost: number }

const log = (message: string) => console.log(`[bench:polls] ${message}`)
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!

const runDir = path.join(ROOT, 'tmp', 'bench', `polls-${process.pid}`)
fs.rmSync(runDir, { recursive: true, force: true })
fs.mkdirSync(runDir, { recursive: true })
const env = benchEnv(runDir, 3190)
Object.assign(process.env, env, {
  DATABASE_URL: process.env.BENCH_DATABASE_URL || env.DATABASE_URL,
  POLL_CAPTCHA_MAX_NUMBER: String(options.cost),
  // One load generator on one address: the per-address limits would flag everything.
  POLL_FLAG_AFTER: '1000000',
  POLL_BLOCK_AFTER: '1000000',
})

// Imported after the environment is set: env() is read once.
const { startPayload, stopPayload } = await import('../src/server/startPayload.ts')
const { createApp } = await import('../src/server/createApp.ts')
const { createPollKeys, newVoterCookie, VOTER_COOKIE } = await import('../src/polls/keys.ts')
const { issueChallenge } = await import('../src/polls/captcha.ts')
const { tallyPoll } = await import('../src/polls/tally.ts')

function solve(challenge: { challenge: string; salt: string; maxnumber?: number }): number {
  for (let number = 0; number <= (challenge.maxnumber ?? options.cost); number++) {
    if (crypto.createHash('sha256').update(`${challenge.salt}${number}`).digest('hex') === challenge.challenge) return number
  }
  throw new Error('no solution')
}

async function loadTest(port: number, votersFile: string): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    NODE[0]!,
    [...NODE.slice(1), 'bench/pollLoad.ts', '--url', `http://127.0.0.1:${port}/tham-do/bench/binh-chon`, '--voters', votersFile, '--connections', String(options.connections), '--host', HOST],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult
}

/** From the first request to the last answer, as the load generator timed it. */
type LoadResult = Result & { elapsedSeconds: number }
const seconds = (result: LoadResult) => result.elapsedSeconds

async function main(): Promise<number> {
  const payload = await startPayload()
  let server: Server | undefined
  let raw: ChildProcess | undefined
  try {
    const site = await payload.create({ collection: 'sites', data: { key: 'bench', name: 'Trang đo tải', agency: 'Cổng tin', hosts: [{ host: HOST }] }, depth: 0 })
    const handleNext = async (_req: unknown, res: { statusCode: number; end: () => void }) => {
      res.statusCode = 404
      res.end()
    }
    const app = createApp({ payload, handleNext: handleNext as never })
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server!.once('listening', resolve))
    const port = (server.address() as { port: number }).port
    const keys = createPollKeys(payload.secret)

    const rawPort = port + 1
    raw = spawn(NODE[0]!, [...NODE.slice(1), 'bench/rawNode.ts', '--port', String(rawPort), '--bytes', '700'], { cwd: ROOT, stdio: 'ignore' })
    await sleep(1500)

    const rounds: { votes: number; raw: number; p50: number; p99: number; rawP50: number }[] = []
    let failures = 0
    for (let run = 1; run <= options.runs; run++) {
      // A fresh open poll per round, so each round's count is checked on its own.
      const existing = await payload.find({ collection: 'polls', where: { slug: { equals: 'bench' } }, depth: 0 })
      for (const old of existing.docs) await payload.update({ collection: 'polls', id: old.id, data: { slug: `bench-${old.id}` }, depth: 0 })
      const poll = await payload.create({
        collection: 'polls',
        data: { site: site.id, question: 'Câu hỏi đo tải?', slug: 'bench', options: [{ label: 'Có' }, { label: 'Không' }], status: 'open', showResults: 'afterClosing', placements: ['page'] },
        depth: 0,
      })
      const prepareStart = Date.now()
      const voters = []
      for (let index = 0; index < options.votes; index++) {
        const cookie = newVoterCookie()
        const challenge = await issueChallenge(keys, poll.id, keys.voterKey(cookie), options.cost)
        const solution = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solve(challenge), salt: challenge.salt, signature: challenge.signature }
        const choice = poll.options[index % 2]!.id!
        voters.push({
          cookie: `${VOTER_COOKIE}=${cookie}`,
          ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
          body: `choice=${choice}&altcha=${encodeURIComponent(Buffer.from(JSON.stringify(solution)).toString('base64'))}`,
        })
      }
      const votersFile = path.join(runDir, `voters-${run}.json`)
      fs.writeFileSync(votersFile, JSON.stringify(voters))
      log(`round ${run}: ${options.votes} solutions computed in ${((Date.now() - prepareStart) / 1000).toFixed(1)} s`)

      const portal = await loadTest(port, votersFile)
      const rows = await payload.count({ collection: 'poll-votes', where: { poll: { equals: poll.id } } })
      const tally = await tallyPoll(payload, poll)
      const exact = portal['2xx'] === options.votes && rows.totalDocs === options.votes && tally.total === options.votes && portal.non2xx === 0 && portal.errors === 0
      if (!exact) failures++
      const rawResult = await loadTest(rawPort, votersFile)
      if (rawResult.non2xx !== 0 || rawResult.errors !== 0) failures++
      const round = {
        votes: portal['2xx'] / seconds(portal),
        raw: rawResult['2xx'] / seconds(rawResult),
        p50: portal.latency.p50,
        p99: portal.latency.p99,
        rawP50: rawResult.latency.p50,
      }
      rounds.push(round)
      log(
        `round ${run}: ${portal['2xx']} accepted (${portal.non2xx} refused, ${portal.errors} errors), ${rows.totalDocs} rows, tally ${tally.total}` +
          ` -> ${exact ? 'exact' : 'MISMATCH'}; ${round.votes.toFixed(0)} votes/s, raw node ${round.raw.toFixed(0)} req/s`,
      )
    }

    const votes = median(rounds.map((round) => round.votes))
    const rawRate = median(rounds.map((round) => round.raw))
    console.log('')
    console.log(`Votes: ${options.votes} per round, ${options.connections} connections, ${options.runs} rounds, captcha maxnumber ${options.cost}, database ${payload.db.name}`)
    console.log('')
    console.log('| Target | Req/s (median) | p50 | p99 | vs raw Node |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    console.log(`| POST vote (captcha verified, counted exactly) | ${votes.toFixed(0)} | ${median(rounds.map((r) => r.p50))} ms | ${median(rounds.map((r) => r.p99))} ms | ${(votes / rawRate).toFixed(3)}× |`)
    console.log(`| Raw Node \`http\`, 700 B answer | ${rawRate.toFixed(0)} | ${median(rounds.map((r) => r.rawP50))} ms | | 1.0× |`)
    console.log('')
    if (failures > 0) console.log(`[bench:polls] ${failures} round(s) did not count exactly or had errors`)
    return failures > 0 ? 1 : 0
  } finally {
    raw?.kill('SIGTERM')
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    await stopPayload(payload)
  }
}

main().then(
  (code) => {
    fs.rmSync(runDir, { recursive: true, force: true })
    process.stdout.write('', () => process.exit(code))
  },
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
