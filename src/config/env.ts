import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import util from 'node:util'

import { parseProxyTrust, type ProxyTrust } from '../server/clientAddress.ts'

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
  /** How long a write waits for the database (SQLite: its turn; PostgreSQL: a connection) before a 503. */
  databaseWaitMs: number
  payloadSecret: string
  serverUrl: string
  csrfOrigins: string[]
  /** Which connections may speak for the reader (X-Forwarded-For/-Proto): TRUST_PROXY, default loopback. */
  trustProxy: ProxyTrust
  uploadMaxBytes: number
  /** Largest request body other than an upload (JSON, forms); larger ones get 413 before anything reads them. */
  bodyMaxBytes: number
  /** Bytes of rendered public pages kept in memory (all their codings); 0 turns the page cache off. */
  pageCacheBytes: number
  jobsAutorun: boolean
  dataDir: string
  mediaDir: string
  logLevel: 'debug' | 'error' | 'fatal' | 'info' | 'silent' | 'trace' | 'warn'
  /** Count page views for the visit statistics (off: the boxes show what is stored). */
  visitsCounting: boolean
  /** Visit counts are written to the database this often; a crash loses at most this much. */
  visitsFlushSeconds: number
  /** Hosts (host or host:port) the weather client may call; everything else is refused. */
  weatherAllowedHosts: string[]
  /** Open-Meteo's forecast endpoint (or a compatible one on an allowed host). */
  weatherApiUrl: string
  /** When the weather refresh job runs (cron). */
  weatherRefreshCron: string
  /** Observations older than this are shown as out of date. */
  weatherStaleMinutes: number
  polls: { captchaMaxNumber: number; flagAfter: number; blockAfter: number }
  /** Audit entries older than this many days are deleted by a daily job. */
  auditRetentionDays: number
  /** Contact details of citizens' submissions are erased this many days after the submission is closed (a daily job). */
  contactRetentionDays: number
  /** Where the daily backup job writes (BACKUP_DIR); unset: no scheduled backup. */
  backupDir?: string
  /** Complete backups the daily job keeps in backupDir, the newest ones. */
  backupKeep: number
  /** When the daily backup runs (cron, the server's time zone). */
  backupCron: string
  /** Bearer token that lets a scraper off this machine read /metrics (loopback needs none). */
  metricsToken?: string
  /** Outgoing e-mail; without a host messages are logged (subject and reference only), never sent. */
  mail: MailSettings
  /** Questions ("Hỏi đáp") count as overdue after this many working days (Monday to Friday). */
  questionDeadlineWorkingDays: number
  /** Questions accepted from one address (an IPv6 /64 counts as one) per hour before 429. */
  questionLimitPerHour: number
  /** Largest file attached to a question (each of at most three). */
  questionAttachmentMaxBytes: number
  /** ALTCHA's maxnumber for the citizens' forms (see POLL_CAPTCHA_MAX_NUMBER). */
  formCaptchaMaxNumber: number
}

export type MailSettings = {
  host?: string
  port: number
  secure: boolean
  user?: string
  password?: string
  from: string
  fromName: string
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
function readSecret(raw: string | undefined, isProduction: boolean, dataDir: string): string {
  if (raw) {
    if (raw.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`PAYLOAD_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
    }
    return raw
  }
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
    databaseWaitMs: readInteger(source.DATABASE_WAIT_MS, 'DATABASE_WAIT_MS', 10_000, 100, 120_000),
    payloadSecret: readSecret(source.PAYLOAD_SECRET, isProduction, dataDir),
    serverUrl,
    csrfOrigins: [...new Set([serverUrl, ...csrfOrigins])],
    trustProxy: readProxyTrust(source.TRUST_PROXY),
    uploadMaxBytes: readInteger(source.UPLOAD_MAX_BYTES, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 ** 3),
    bodyMaxBytes: readInteger(source.BODY_MAX_BYTES, 'BODY_MAX_BYTES', 2 * 1024 * 1024, 1024, 1024 ** 3),
    pageCacheBytes: readInteger(source.PAGE_CACHE_BYTES, 'PAGE_CACHE_BYTES', 64 * 1024 * 1024, 0, 2 ** 40),
    jobsAutorun: readBoolean(source.JOBS_AUTORUN, 'JOBS_AUTORUN', true),
    dataDir,
    mediaDir: path.resolve(source.MEDIA_DIR || 'media'),
    logLevel,
    visitsCounting: readBoolean(source.VISITS_COUNTING, 'VISITS_COUNTING', true),
    visitsFlushSeconds: readInteger(source.VISITS_FLUSH_SECONDS, 'VISITS_FLUSH_SECONDS', 2, 1, 60),
    weatherAllowedHosts: (source.WEATHER_ALLOWED_HOSTS || 'api.open-meteo.com')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    weatherApiUrl: readUrl(source.WEATHER_API_URL || 'https://api.open-meteo.com/v1/forecast', 'WEATHER_API_URL'),
    weatherRefreshCron: readCron(source.WEATHER_REFRESH_CRON || '*/30 * * * *', 'WEATHER_REFRESH_CRON'),
    weatherStaleMinutes: readInteger(source.WEATHER_STALE_MINUTES, 'WEATHER_STALE_MINUTES', 180, 5, 7 * 24 * 60),
    polls: {
      captchaMaxNumber: readInteger(source.POLL_CAPTCHA_MAX_NUMBER, 'POLL_CAPTCHA_MAX_NUMBER', 100_000, 10, 10_000_000),
      flagAfter: readInteger(source.POLL_FLAG_AFTER, 'POLL_FLAG_AFTER', 20, 1, 1_000_000),
      blockAfter: readInteger(source.POLL_BLOCK_AFTER, 'POLL_BLOCK_AFTER', 200, 1, 1_000_000),
    },
    metricsToken: readMetricsToken(source.METRICS_TOKEN),
    backupDir: source.BACKUP_DIR ? path.resolve(source.BACKUP_DIR) : undefined,
    backupKeep: readInteger(source.BACKUP_KEEP, 'BACKUP_KEEP', 7, 1, 1000),
    backupCron: readCron(source.BACKUP_CRON || '0 2 * * *', 'BACKUP_CRON'),
    auditRetentionDays: readInteger(source.AUDIT_RETENTION_DAYS, 'AUDIT_RETENTION_DAYS', 1825, 1, 36_500),
    contactRetentionDays: readInteger(source.CONTACT_RETENTION_DAYS, 'CONTACT_RETENTION_DAYS', 365, 1, 36_500),
    mail: readMail(source, serverUrl),
    questionDeadlineWorkingDays: readInteger(source.QUESTION_DEADLINE_WORKING_DAYS, 'QUESTION_DEADLINE_WORKING_DAYS', 10, 1, 365),
    questionLimitPerHour: readInteger(source.QUESTION_LIMIT_PER_HOUR, 'QUESTION_LIMIT_PER_HOUR', 10, 1, 100_000),
    questionAttachmentMaxBytes: readInteger(source.QUESTION_ATTACHMENT_MAX_BYTES, 'QUESTION_ATTACHMENT_MAX_BYTES', 5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    formCaptchaMaxNumber: readInteger(source.FORM_CAPTCHA_MAX_NUMBER, 'FORM_CAPTCHA_MAX_NUMBER', 100_000, 10, 10_000_000),
  }
}

function readProxyTrust(raw: string | undefined): ProxyTrust {
  try {
    return parseProxyTrust(raw)
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

/**
 * The one warning line for a production SERVER_URL that is plain http on another machine: login
 * cookies then go without `Secure` and HSTS is off. Undefined when there is nothing to say.
 */
export function insecureServerUrlWarning(settings: Pick<Env, 'isProduction' | 'serverUrl'>): string | undefined {
  const url = new URL(settings.serverUrl)
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost')
  if (!settings.isProduction || url.protocol !== 'http:' || loopback) return undefined
  return `SERVER_URL ${settings.serverUrl} is plain http: login cookies are sent without Secure and HSTS is off; serve the portal over https and set SERVER_URL to https://…`
}

function readMetricsToken(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters')
  return raw
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/

function readMail(source: EnvSource, serverUrl: string): MailSettings {
  const host = source.SMTP_HOST?.trim() || undefined
  const secure = readBoolean(source.SMTP_SECURE, 'SMTP_SECURE', source.SMTP_PORT === '465')
  const port = readInteger(source.SMTP_PORT, 'SMTP_PORT', secure ? 465 : 587, 1, 65535)
  const user = source.SMTP_USER || undefined
  const password = source.SMTP_PASSWORD || undefined
  if (Boolean(user) !== Boolean(password)) throw new ConfigError('SMTP_USER and SMTP_PASSWORD go together: set both or neither')
  const from = source.MAIL_FROM || `no-reply@${new URL(serverUrl).hostname}`
  if (!EMAIL.test(from)) throw new ConfigError(`MAIL_FROM must be an e-mail address, got "${from}"`)
  const fromName = (source.MAIL_FROM_NAME || 'Cổng thông tin điện tử').replace(/[\r\n"]/g, ' ').trim()
  return { host, port, secure, user, password, from, fromName }
}

function readUrl(raw: string, name: string): string {
  try {
    const url = new URL(raw)
    if (url.protocol === 'https:' || url.protocol === 'http:') return raw
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`)
}

function readCron(raw: string, name: string): string {
  if (!/^(\S+\s+){4,5}\S+$/.test(raw.trim())) throw new ConfigError(`${name} must be a cron expression, got "${raw}"`)
  return raw.trim()
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
