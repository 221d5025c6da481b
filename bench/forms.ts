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
 * `npm run bench:forms [-- --submissions N --connections C --runs R --cost M]`
 * Accepted citizens' questions per second through the whole public form (site lookup, body
 * parsing, captcha verification, per-address limit, field checks, the transaction that writes
 * the used challenge, the question and its reference), on a fresh SQLite database (or
 * BENCH_DATABASE_URL), against a raw Node `http` server measured in the same run with the same
 * load generator. Captchas are asked for over HTTP and solved before each round. After each round
 * the stored questions must equal the number sent, with no error. Target: ≥ 200 submissions/s.
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const NODE = [process.execPath, '--conditions=production', '--import', 'tsx']
const HOST = 'localhost'

const { values: args } = parseArgs({
  options: {
    submissions: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    cost: { type: 'string', default: '1000' },
  },
})
const options = Object.fromEntries(
  Object.entries(args).map(([name, raw]) => {
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`)
    return [name, value]
  }),
) as { submissions: number; connections: number; runs: number; cost: number }

const log = (message: string) => console.log(`[bench:forms] ${message}`)
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!

const runDir = path.join(ROOT, 'tmp', 'bench', `forms-${process.pid}`)
fs.rmSync(runDir, { recursive: true, force: true })
fs.mkdirSync(runDir, { recursive: true })
const env = benchEnv(runDir, 3290)
Object.assign(process.env, env, {
  DATABASE_URL: process.env.BENCH_DATABASE_URL || env.DATABASE_URL,
  FORM_CAPTCHA_MAX_NUMBER: String(options.cost),
  // One load generator: every submission comes from an address of its own, and the hourly limit
  // per address stays at its default.
})

// Imported after the environment is set: env() is read once.
const { startPayload, stopPayload } = await import('../src/server/startPayload.ts')
const { createApp } = await import('../src/server/createApp.ts')
const { ASK_QUESTION_CHALLENGE_PATH, ASK_QUESTION_PATH } = await import('../src/site/paths.ts')

type Challenge = { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string }

function solve(challenge: Challenge): string {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (crypto.createHash('sha256').update(`${challenge.salt}${number}`).digest('hex') === challenge.challenge) {
      const { algorithm, salt, signature } = challenge
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature })).toString('base64')
    }
  }
  throw new Error('no solution')
}

async function loadTest(url: string, submissionsFile: string): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    NODE[0]!,
    [...NODE.slice(1), 'bench/pollLoad.ts', '--url', url, '--voters', submissionsFile, '--connections', String(options.connections), '--host', HOST],
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
    const field = await payload.create({ collection: 'question-fields', data: { site: site.id, name: 'Đất đai', order: 0 }, depth: 0 })
    const handleNext = async (_req: unknown, res: { statusCode: number; end: () => void }) => {
      res.statusCode = 404
      res.end()
    }
    const app = createApp({ payload, handleNext: handleNext as never })
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server!.once('listening', resolve))
    const port = (server.address() as { port: number }).port
    const origin = `http://127.0.0.1:${port}`

    const rawPort = port + 1
    raw = spawn(NODE[0]!, [...NODE.slice(1), 'bench/rawNode.ts', '--port', String(rawPort), '--bytes', '4000'], { cwd: ROOT, stdio: 'ignore' })
    await sleep(1500)

    const count = async () => (await payload.count({ collection: 'questions', where: { site: { equals: site.id } } })).totalDocs
    const rounds: { submissions: number; raw: number; p50: number; p99: number; rawP50: number }[] = []
    let failures = 0
    let serial = 0
    for (let run = 1; run <= options.runs; run++) {
      const prepareStart = Date.now()
      const submissions = []
      for (let index = 0; index < options.submissions; index++) {
        serial++
        const challenge = (await (await fetch(`${origin}${ASK_QUESTION_CHALLENGE_PATH}`, { headers: { host: HOST } })).json()) as Challenge
        const form = new URLSearchParams({
          name: 'Nguyễn Văn An',
          email: `nguoi.hoi.${serial}@example.vn`,
          phone: '0912 345 678',
          field: String(field.id),
          title: `Thủ tục cấp giấy chứng nhận quyền sử dụng đất (${serial})`,
          body: 'Gia đình tôi có mảnh đất ở từ năm 1990, xin hỏi thủ tục cấp giấy chứng nhận lần đầu gồm những giấy tờ gì?',
          consent: 'on',
          consentPublish: 'on',
          nameDisplay: 'initials',
          altcha: solve(challenge),
        })
        submissions.push({ cookie: '', ip: `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`, body: form.toString() })
      }
      const file = path.join(runDir, `submissions-${run}.json`)
      fs.writeFileSync(file, JSON.stringify(submissions))
      log(`round ${run}: ${options.submissions} captchas asked for and solved in ${((Date.now() - prepareStart) / 1000).toFixed(1)} s`)

      const before = await count()
      const portal = await loadTest(`${origin}${ASK_QUESTION_PATH}`, file)
      const stored = (await count()) - before
      const exact = portal['2xx'] === options.submissions && stored === options.submissions && portal.non2xx === 0 && portal.errors === 0
      if (!exact) failures++
      const rawResult = await loadTest(`http://127.0.0.1:${rawPort}/`, file)
      if (rawResult.non2xx !== 0 || rawResult.errors !== 0) failures++
      const round = {
        submissions: portal['2xx'] / seconds(portal),
        raw: rawResult['2xx'] / seconds(rawResult),
        p50: portal.latency.p50,
        p99: portal.latency.p99,
        rawP50: rawResult.latency.p50,
      }
      rounds.push(round)
      log(
        `round ${run}: ${portal['2xx']} accepted (${portal.non2xx} refused, ${portal.errors} errors), ${stored} stored` +
          ` -> ${exact ? 'exact' : 'MISMATCH'}; ${round.submissions.toFixed(0)} submissions/s, raw node ${round.raw.toFixed(0)} req/s`,
      )
    }

    const rate = median(rounds.map((round) => round.submissions))
    const rawRate = median(rounds.map((round) => round.raw))
    console.log('')
    console.log(`Questions: ${options.submissions} per round, ${options.connections} connections, ${options.runs} rounds, captcha maxnumber ${options.cost}, database ${payload.db.name}`)
    console.log('')
    console.log('| Target | Req/s (median) | p50 | p99 | vs raw Node |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    console.log(`| POST question (captcha verified, every one stored; target ≥ 200/s) | ${rate.toFixed(0)} | ${median(rounds.map((r) => r.p50))} ms | ${median(rounds.map((r) => r.p99))} ms | ${(rate / rawRate).toFixed(3)}× |`)
    console.log(`| Raw Node \`http\`, 4,000 B answer | ${rawRate.toFixed(0)} | ${median(rounds.map((r) => r.rawP50))} ms | | 1.0× |`)
    console.log('')
    if (failures > 0) console.log(`[bench:forms] ${failures} round(s) did not store exactly what was sent, or had errors`)
    return failures > 0 ? 1 : 0
  } finally {
    raw?.kill('SIGKILL')
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
