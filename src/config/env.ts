import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import util from 'node:util'

/**
 * Every setting the portal reads from the environment, validated once.
 * `.env.example` documents each of them; a bad value stops the process with one clear line.
 */
export type Env = {
  nodeEnv: 'development' | 'production' | 'test'
  isProduction: boolean
  port: number
  host: string
  databaseUrl: string
  databasePush: boolean
  payloadSecret: string
  serverUrl: string
  csrfOrigins: string[]
  uploadMaxBytes: number
  jobsAutorun: boolean
  dataDir: string
  mediaDir: string
  logLevel: 'debug' | 'error' | 'fatal' | 'info' | 'silent' | 'trace' | 'warn'
  polls: { captchaMaxNumber: number; flagAfter: number; blockAfter: number }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const
const DATABASE_SCHEMES = ['file:', 'postgres:', 'postgresql:', 'mongodb:', 'mongodb+srv:']
const MIN_SECRET_LENGTH = 32

function readInteger(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

function readBoolean(raw: string | undefined, name: string, fallback = false): boolean {
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false
  throw new ConfigError(`${name} must be true or false, got "${raw}"`)
}

function readDatabaseUrl(raw: string | undefined, dataDir: string): string {
  if (!raw) return `file:${path.join(dataDir, 'cong-tin.db')}`
  const scheme = DATABASE_SCHEMES.find((prefix) => raw.startsWith(prefix))
  if (!scheme) {
    throw new ConfigError(
      `DATABASE_URL must start with file:, postgres://, postgresql:// or mongodb://, got "${raw.split(':')[0]}:…"`,
    )
  }
  if (scheme !== 'file:') {
    try {
      new URL(raw)
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid URL')
    }
  }
  return raw
}

/** Outside production a secret is generated once and kept in the data folder, so the demo needs no setup. */
function readSecret(raw: string | undefined, isProduction: boolean, isBuild: boolean, dataDir: string): string {
  if (raw) {
    if (raw.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`PAYLOAD_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
    }
    return raw
  }
  // `next build` evaluates the config but never signs anything.
  if (isBuild) return 'build-time-placeholder-secret-never-used-to-sign'
  if (isProduction) {
    throw new ConfigError('PAYLOAD_SECRET is required in production (at least 32 random characters)')
  }
  return localSecret(dataDir)
}

/** The secret kept in the data folder for the demo and local development; made on first use. */
export function localSecret(dataDir: string): string {
  const secretFile = path.join(dataDir, '.payload-secret')
  if (fs.existsSync(secretFile)) return fs.readFileSync(secretFile, 'utf8').trim()
  const secret = crypto.randomBytes(32).toString('hex')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(secretFile, secret, { mode: 0o600 })
  return secret
}

type EnvSource = Record<string, string | undefined>

export function readEnv(source: EnvSource = process.env): Env {
  const rawNodeEnv = source.NODE_ENV || 'development'
  if (!['development', 'production', 'test'].includes(rawNodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${rawNodeEnv}"`)
  }
  const nodeEnv = rawNodeEnv as Env['nodeEnv']
  const isProduction = nodeEnv === 'production'
  const isBuild = source.NEXT_PHASE === 'phase-production-build'
  const dataDir = path.resolve(source.DATA_DIR || 'data')
  const port = readInteger(source.PORT, 'PORT', 3000, 1, 65535)
  const serverUrl = (source.SERVER_URL || `http://localhost:${port}`).replace(/\/$/, '')
  try {
    new URL(serverUrl)
  } catch {
    throw new ConfigError(`SERVER_URL is not a valid URL: "${serverUrl}"`)
  }
  const logLevel = (source.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info')) as Env['logLevel']
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`)
  }
  const csrfOrigins = (source.CSRF_ORIGINS || '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean)
  for (const origin of csrfOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new ConfigError(`CSRF_ORIGINS has an invalid origin: "${origin}"`)
  }
  const databasePush = readBoolean(source.DATABASE_PUSH, 'DATABASE_PUSH')
  if (databasePush && isProduction) throw new ConfigError('DATABASE_PUSH is for local development only')

  return {
    nodeEnv,
    isProduction,
    port,
    host: source.HOST || '0.0.0.0',
    databaseUrl: readDatabaseUrl(source.DATABASE_URL, dataDir),
    databasePush,
    payloadSecret: readSecret(source.PAYLOAD_SECRET, isProduction, isBuild, dataDir),
    serverUrl,
    csrfOrigins: [...new Set([serverUrl, ...csrfOrigins])],
    uploadMaxBytes: readInteger(source.UPLOAD_MAX_BYTES, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 ** 3),
    jobsAutorun: readBoolean(source.JOBS_AUTORUN, 'JOBS_AUTORUN', true),
    dataDir,
    mediaDir: path.resolve(source.MEDIA_DIR || 'media'),
    logLevel,
    polls: {
      captchaMaxNumber: readInteger(source.POLL_CAPTCHA_MAX_NUMBER, 'POLL_CAPTCHA_MAX_NUMBER', 100_000, 10, 10_000_000),
      flagAfter: readInteger(source.POLL_FLAG_AFTER, 'POLL_FLAG_AFTER', 20, 1, 1_000_000),
      blockAfter: readInteger(source.POLL_BLOCK_AFTER, 'POLL_BLOCK_AFTER', 200, 1, 1_000_000),
    },
  }
}

/** Variables from a `.env` file in the working folder fill in what the real environment leaves unset. */
function loadDotEnv(file = path.resolve('.env')): void {
  if (!fs.existsSync(file)) return
  const values = util.parseEnv(fs.readFileSync(file, 'utf8'))
  for (const [name, value] of Object.entries(values)) {
    if (process.env[name] === undefined && value !== undefined) process.env[name] = value
  }
}

let cached: Env | undefined

/** The validated environment of this process. */
export function env(): Env {
  if (!cached) {
    loadDotEnv()
    cached = readEnv()
  }
  return cached
}
