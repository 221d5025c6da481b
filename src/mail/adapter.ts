import type { EmailAdapter, SendEmailOptions } from 'payload'

import nodemailer from 'nodemailer'

import type { MailSettings } from '../config/env.ts'

/**
 * The header that carries a message's reference (a question's "HĐ-2026-000123"): the one thing
 * besides the subject that may be logged about a message, since it names no person.
 */
export const REFERENCE_HEADER = 'X-Cong-Tin-Reference'

/** What is logged about a message: its subject and reference, never its recipients or body. */
export function describeMessage(message: SendEmailOptions): { subject: string; reference?: string } {
  const headers = (message.headers ?? {}) as Record<string, unknown>
  const reference = headers[REFERENCE_HEADER]
  return { subject: String(message.subject ?? ''), reference: typeof reference === 'string' ? reference : undefined }
}

/**
 * Payload's e-mail adapter on nodemailer, configured from the SMTP_* settings. Without a host the
 * message is logged instead of sent, and sending never fails for it.
 */
export function mailAdapter(settings: MailSettings): EmailAdapter {
  return ({ payload }) => {
    const transport = settings.host
      ? nodemailer.createTransport({
          host: settings.host,
          port: settings.port,
          secure: settings.secure,
          auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : undefined
    return {
      name: 'smtp',
      defaultFromAddress: settings.from,
      defaultFromName: settings.fromName,
      async sendEmail(message) {
        const from = message.from ?? { name: settings.fromName, address: settings.from }
        if (!transport) {
          payload.logger.info({ msg: 'e-mail not sent: no SMTP_HOST', ...describeMessage(message) })
          return { logged: true }
        }
        const info = await transport.sendMail({ ...message, from })
        payload.logger.info({ msg: 'e-mail sent', ...describeMessage(message) })
        return info
      },
    }
  }
}
