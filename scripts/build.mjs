// Builds Payload's admin (Next.js) when its sources changed since the last build.
// `--force` always builds. The source fingerprint is kept in .next/source-fingerprint.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const INPUTS = ['package-lock.json', 'next.config.mjs', 'payload.config.ts', 'tsconfig.json', 'src', 'collections']
const IGNORED = new Set(['node_modules', '.next', 'public'])
const fingerprintFile = path.join('.next', 'source-fingerprint')

function* files(entry) {
  if (!fs.existsSync(entry)) return
  const stat = fs.statSync(entry)
  if (stat.isFile()) return yield entry
  for (const name of fs.readdirSync(entry).sort()) {
    if (!IGNORED.has(name)) yield* files(path.join(entry, name))
  }
}

function fingerprint() {
  const hash = crypto.createHash('sha256')
  for (const input of INPUTS) {
    for (const file of files(input)) hash.update(file).update('\0').update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

const current = fingerprint()
const force = process.argv.includes('--force')
const upToDate =
  fs.existsSync(path.join('.next', 'BUILD_ID')) &&
  fs.existsSync(fingerprintFile) &&
  fs.readFileSync(fingerprintFile, 'utf8') === current

if (upToDate && !force) {
  console.log('Admin build is up to date.')
} else {
  console.log('Building the admin (Next.js), about a minute on two cores…')
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // `next build` evaluates payload.config.ts, which validates the secret like any start; the build
    // signs nothing, so a throwaway one is enough, and the server never has a built-in one.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex') },
  })
  if (result.status !== 0) {
    console.error('Admin build failed.')
    process.exit(result.status ?? 1)
  }
  fs.writeFileSync(fingerprintFile, current)
}
