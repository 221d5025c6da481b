import type { Payload } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SmtpStandIn } from './helpers/smtpStandIn.ts'

import { type MailSettings, readEnv } from '../src/config/env.ts'
import { mailAdapter, REFERENCE_HEADER } from '../src/mail/adapter.ts'
import { headerOf, startSmtpStandIn } from './helpers/smtpStandIn.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congtin-mail-'))

/** The adapter as Payload starts it, with a logger that keeps what it was given. */
function startAdapter(settings: MailSettings) {
  const logged: Record<string, unknown>[] = []
  const logger = { info: (entry: Record<string, unknown>) => logged.push(entry) }
  const adapter = mailAdapter(settings)({ payload: { logger } as unknown as Payload })
  return { adapter, logged }
}

const message = {
  to: 'nguoi.hoi@example.vn',
  subject: 'Câu hỏi HĐ-2026-000007 đã được trả lời',
  text: 'Kính gửi ông Nguyễn Văn An, câu hỏi của ông đã được trả lời.',
  headers: { [REFERENCE_HEADER]: 'HĐ-2026-000007' },
}

describe('outgoing e-mail', () => {
  let smtp: SmtpStandIn
  beforeAll(async () => {
    smtp = await startSmtpStandIn({ user: 'portal', password: 'mat-khau' })
  })
  afterAll(() => smtp.close())

  it('sends through SMTP with the configured sender and login', async () => {
    const settings = readEnv({
      DATA_DIR: dataDir,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'portal',
      SMTP_PASSWORD: 'mat-khau',
      MAIL_FROM: 'hoidap@tinh.gov.vn',
      MAIL_FROM_NAME: 'Cổng TTĐT tỉnh',
    }).mail
    const { adapter, logged } = startAdapter(settings)
    await adapter.sendEmail(message)
    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail!.from).toBe('hoidap@tinh.gov.vn')
    expect(mail!.to).toEqual(['nguoi.hoi@example.vn'])
    expect(headerOf(mail!, REFERENCE_HEADER)).toBe('HĐ-2026-000007')
    expect(headerOf(mail!, 'Subject')).toBe(message.subject)
    expect(headerOf(mail!, 'From')).toMatch(/^"?Cổng TTĐT tỉnh"?\s*<hoidap@tinh\.gov\.vn>$/)
    expect(JSON.stringify(logged)).not.toContain('nguoi.hoi@example.vn')
  })

  it('fails loudly when the SMTP server refuses the login', async () => {
    const settings = readEnv({ DATA_DIR: dataDir, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_USER: 'portal', SMTP_PASSWORD: 'sai' }).mail
    await expect(startAdapter(settings).adapter.sendEmail(message)).rejects.toThrow(/Invalid username or password/)
  })

  it('logs subject and reference only when no SMTP_HOST is set, and does not fail', async () => {
    const settings = readEnv({ DATA_DIR: dataDir }).mail
    expect(settings.host).toBeUndefined()
    const { adapter, logged } = startAdapter(settings)
    await expect(adapter.sendEmail(message)).resolves.toEqual({ logged: true })
    expect(logged).toEqual([{ msg: 'e-mail not sent: no SMTP_HOST', subject: message.subject, reference: 'HĐ-2026-000007' }])
    expect(JSON.stringify(logged)).not.toMatch(/nguoi\.hoi|Nguyễn/)
  })

  it('validates the mail settings', () => {
    expect(() => readEnv({ DATA_DIR: dataDir, SMTP_USER: 'a' })).toThrow(/SMTP_USER and SMTP_PASSWORD go together/)
    expect(() => readEnv({ DATA_DIR: dataDir, MAIL_FROM: 'khong-phai-dia-chi' })).toThrow(/MAIL_FROM must be an e-mail address/)
    expect(() => readEnv({ DATA_DIR: dataDir, SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/)
    expect(readEnv({ DATA_DIR: dataDir, SMTP_PORT: '465' }).mail.secure).toBe(true)
    expect(readEnv({ DATA_DIR: dataDir, SERVER_URL: 'https://hoidap.tinh.gov.vn' }).mail.from).toBe('no-reply@hoidap.tinh.gov.vn')
    expect(() => readEnv({ DATA_DIR: dataDir, QUESTION_DEADLINE_WORKING_DAYS: '0' })).toThrow(/QUESTION_DEADLINE_WORKING_DAYS/)
    expect(readEnv({ DATA_DIR: dataDir }).questionDeadlineWorkingDays).toBe(10)
  })
})
