import type { ContactValues } from './questionForm.ts'

import { checkContact, formReader, LIMITS } from './questionForm.ts'
import { spamSignals } from './text.ts'

/** The feedback form's fields as sent (names of the HTML inputs). */
export type FeedbackFormValues = ContactValues & { subject: string; message: string; consent: boolean }

export type FeedbackFormErrors = Partial<Record<keyof FeedbackFormValues | 'altcha', string>>

export type ValidFeedback = { senderName: string; email?: string; phone?: string; subject: string; message: string; flagReason?: string }

/** Subject and message have the limits of a question's title and body. */
export const FEEDBACK_LIMITS = { name: LIMITS.name, email: LIMITS.email, phone: LIMITS.phone, subjectMin: LIMITS.titleMin, subject: LIMITS.title, messageMin: LIMITS.bodyMin, message: LIMITS.body } as const

export function readFeedbackForm(body: Record<string, unknown>): FeedbackFormValues {
  const { text, checked } = formReader(body)
  return {
    name: text('name', LIMITS.name),
    email: text('email', LIMITS.email),
    phone: text('phone', LIMITS.phone),
    subject: text('subject', FEEDBACK_LIMITS.subject),
    message: text('message', FEEDBACK_LIMITS.message, true),
    consent: checked('consent'),
  }
}

/** Checks every field; each error is the Vietnamese message shown next to it. */
export function validateFeedback(values: FeedbackFormValues): { feedback?: ValidFeedback; errors: FeedbackFormErrors } {
  const errors: FeedbackFormErrors = {}
  const phone = checkContact(values, errors)
  const { subjectMin, subject, messageMin, message } = FEEDBACK_LIMITS
  if (values.subject.length < subjectMin) errors.subject = `Vui lòng nhập chủ đề góp ý (ít nhất ${subjectMin} ký tự).`
  else if (values.subject.length > subject) errors.subject = `Chủ đề không quá ${subject} ký tự.`
  if (values.message.length < messageMin) errors.message = `Vui lòng nhập nội dung góp ý (ít nhất ${messageMin} ký tự).`
  else if (values.message.length > message) errors.message = `Nội dung góp ý không quá ${message} ký tự.`
  if (!values.consent) errors.consent = 'Bạn cần đồng ý để cơ quan tiếp nhận và xử lý thông tin của bạn.'
  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    feedback: {
      senderName: values.name,
      email: values.email || undefined,
      phone: phone || undefined,
      subject: values.subject,
      message: values.message,
      flagReason: spamSignals(`${values.subject}\n${values.message}`),
    },
  }
}

export const emptyFeedbackForm = (): FeedbackFormValues => ({ name: '', email: '', phone: '', subject: '', message: '', consent: false })
