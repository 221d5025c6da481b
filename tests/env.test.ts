import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ConfigError, readEnv } from '../src/config/env.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-env-'))
const base = { DATA_DIR: dataDir }
const SECRET = 'x'.repeat(40)

describe('configuration from the environment', () => {
  it('defaults to an SQLite file in the data folder', () => {
    const env = readEnv({ ...base, NODE_ENV: 'development' })
    expect(env.databaseUrl).toBe(`file:${path.join(dataDir, 'cong-tin.db')}`)
    expect(env.port).toBe(3000)
    expect(env.isProduction).toBe(false)
  })

  it('stops production without PAYLOAD_SECRET', () => {
    expect(() => readEnv({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => readEnv({ ...base, NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is required/)
    // Not even when the process says it is a Next.js build: there is no built-in secret at all.
    expect(() => readEnv({ ...base, NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).toThrow(/PAYLOAD_SECRET is required/)
  })

  it('refuses a short secret', () => {
    expect(() => readEnv({ ...base, NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(/at least 32/)
  })

  it('generates a local secret once outside production and keeps it', () => {
    const first = readEnv({ ...base, NODE_ENV: 'development' }).payloadSecret
    const second = readEnv({ ...base, NODE_ENV: 'development' }).payloadSecret
    expect(first).toHaveLength(64)
    expect(second).toBe(first)
    expect(fs.readFileSync(path.join(dataDir, '.payload-secret'), 'utf8')).toBe(first)
  })

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must start with/],
    ['DATABASE_URL', 'postgres://exa mple:bad', /not a valid URL/],
    ['PORT', '70000', /PORT must be an integer/],
    ['PORT', 'abc', /PORT must be an integer/],
    ['NODE_ENV', 'staging', /NODE_ENV must be/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['CSRF_ORIGINS', 'javascript:alert(1)', /CSRF_ORIGINS has an invalid origin/],
    ['UPLOAD_MAX_BYTES', '-1', /UPLOAD_MAX_BYTES must be an integer/],
    ['DATABASE_PUSH', 'maybe', /DATABASE_PUSH must be true or false/],
    ['BACKUP_KEEP', '0', /BACKUP_KEEP must be an integer between 1/],
    ['BACKUP_CRON', 'daily', /BACKUP_CRON must be a cron expression/],
    ['DATABASE_WAIT_MS', '50', /DATABASE_WAIT_MS must be an integer between 100/],
    ['CONTACT_RETENTION_DAYS', '0', /CONTACT_RETENTION_DAYS must be an integer between 1/],
    ['CONTACT_RETENTION_DAYS', 'một năm', /CONTACT_RETENTION_DAYS must be an integer/],
  ])('rejects %s=%s with a clear message', (name, value, message) => {
    expect(() => readEnv({ ...base, PAYLOAD_SECRET: SECRET, [name]: value })).toThrow(message)
  })

  it('schedules no backup without BACKUP_DIR, and keeps 7 by default', () => {
    expect(readEnv({ ...base, PAYLOAD_SECRET: SECRET })).toMatchObject({ backupDir: undefined, backupKeep: 7, backupCron: '0 2 * * *' })
    expect(readEnv({ ...base, PAYLOAD_SECRET: SECRET, BACKUP_DIR: 'sao-luu', BACKUP_KEEP: '3' })).toMatchObject({ backupDir: path.resolve('sao-luu'), backupKeep: 3 })
  })

  it('keeps contact details 365 days after closing by default', () => {
    expect(readEnv({ ...base, PAYLOAD_SECRET: SECRET }).contactRetentionDays).toBe(365)
    expect(readEnv({ ...base, PAYLOAD_SECRET: SECRET, CONTACT_RETENTION_DAYS: '90' }).contactRetentionDays).toBe(90)
  })

  it('refuses push mode in production', () => {
    expect(() => readEnv({ ...base, NODE_ENV: 'production', PAYLOAD_SECRET: SECRET, DATABASE_PUSH: 'true' })).toThrow(/local development only/)
  })

  it('accepts each supported database', () => {
    for (const url of ['file:/tmp/x.db', 'postgres://u@127.0.0.1:5432/db', 'postgresql://u@h/db', 'mongodb://127.0.0.1/db']) {
      expect(readEnv({ ...base, PAYLOAD_SECRET: SECRET, DATABASE_URL: url }).databaseUrl).toBe(url)
    }
  })

  it('trusts the server URL and the listed origins for cookie requests', () => {
    const env = readEnv({ ...base, PAYLOAD_SECRET: SECRET, SERVER_URL: 'https://hoabinh.gov.vn/', CSRF_ORIGINS: 'https://kontum.gov.vn, https://a.b' })
    expect(env.serverUrl).toBe('https://hoabinh.gov.vn')
    expect(env.csrfOrigins).toEqual(['https://hoabinh.gov.vn', 'https://kontum.gov.vn', 'https://a.b'])
  })
})
