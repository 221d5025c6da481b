import type { NameDisplay } from './statuses.ts'

import { NAME_DISPLAYS } from './statuses.ts'
import { plainText, spamSignals } from './text.ts'

/** The form's fields as sent (names of the HTML inputs). */
export type QuestionFormValues = {
  name: string
  email: string
  phone: string
  address: string
  field: string
  title: string
  body: string
  consent: boolean
  consentPublish: boolean
  nameDisplay: string
}

export type QuestionFormErrors = Partial<Record<keyof QuestionFormValues | 'altcha' | 'attachments', string>>

export type ValidQuestion = {
  askerName: string
  email?: string
  phone?: string
  address?: string
  field: number | string
  title: string
  body: string
  nameDisplay: NameDisplay
  /** Why it needs a look before anything else (links, repetition), when it does. */
  flagReason?: string
}

export const LIMITS = { name: 100, email: 254, phone: 20, address: 200, titleMin: 5, title: 200, bodyMin: 20, body: 5000 } as const

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/
/** Vietnamese numbers: 0 or +84 and 9–10 digits; spaces, dots and dashes between digits allowed. */
const PHONE = /^(?:\+?84|0)\d{9,10}$/

const field = (body: Record<string, unknown>, name: string) => {
  const value = body[name]
  return Array.isArray(value) ? value[0] : value
}
const checked = (value: unknown) => value === 'on' || value === 'true' || value === '1' || value === true

/**
 * Readers of one submitted form's fields: a text cleaned (HTML stripped, NFC, capped a little above
 * its limit, to show it back) and a checkbox.
 */
export function formReader(body: Record<string, unknown>) {
  return {
    text: (name: string, cap: number, multiline = false) => plainText(field(body, name), { multiline }).slice(0, cap + 50),
    checked: (name: string) => checked(field(body, name)),
  }
}

export type ContactValues = { name: string; email: string; phone: string }

/**
 * Name and contact, shared by the citizens' forms: a name, and an e-mail and/or a phone (at least
 * one). Adds the messages to `errors`; returns the phone without separators.
 */
export function checkContact(values: ContactValues, errors: Partial<Record<keyof ContactValues, string>>): string {
  if (!values.name) errors.name = 'Vui lòng nhập họ và tên.'
  else if (values.name.length > LIMITS.name) errors.name = `Họ và tên không quá ${LIMITS.name} ký tự.`

  const phone = values.phone.replace(/[\s.\-()]/g, '')
  if (!values.email && !values.phone) {
    errors.email = 'Vui lòng nhập thư điện tử hoặc số điện thoại để nhận trả lời.'
    errors.phone = 'Vui lòng nhập số điện thoại hoặc thư điện tử để nhận trả lời.'
  }
  if (values.email && (values.email.length > LIMITS.email || !EMAIL.test(values.email))) errors.email = 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).'
  if (values.phone && !PHONE.test(phone)) errors.phone = 'Số điện thoại không hợp lệ (ví dụ: 0912 345 678).'
  return phone
}

/** What the citizen typed, cleaned (HTML stripped, NFC, capped a little above the limits) to show it back. */
export function readQuestionForm(body: Record<string, unknown>): QuestionFormValues {
  const { text } = formReader(body)
  return {
    name: text('name', LIMITS.name),
    email: text('email', LIMITS.email),
    phone: text('phone', LIMITS.phone),
    address: text('address', LIMITS.address),
    field: text('field', 40),
    title: text('title', LIMITS.title),
    body: text('body', LIMITS.body, true),
    consent: formReader(body).checked('consent'),
    consentPublish: formReader(body).checked('consentPublish'),
    nameDisplay: text('nameDisplay', 20),
  }
}

/** Checks every field; each error is the Vietnamese message shown next to it. */
export function validateQuestion(values: QuestionFormValues, fieldIds: string[]): { question?: ValidQuestion; errors: QuestionFormErrors } {
  const errors: QuestionFormErrors = {}
  const phone = checkContact(values, errors)
  if (values.address.length > LIMITS.address) errors.address = `Địa chỉ không quá ${LIMITS.address} ký tự.`
  if (!fieldIds.includes(values.field)) errors.field = 'Vui lòng chọn lĩnh vực của câu hỏi.'

  if (values.title.length < LIMITS.titleMin) errors.title = `Vui lòng nhập tiêu đề (ít nhất ${LIMITS.titleMin} ký tự).`
  else if (values.title.length > LIMITS.title) errors.title = `Tiêu đề không quá ${LIMITS.title} ký tự.`
  if (values.body.length < LIMITS.bodyMin) errors.body = `Vui lòng nhập nội dung câu hỏi (ít nhất ${LIMITS.bodyMin} ký tự).`
  else if (values.body.length > LIMITS.body) errors.body = `Nội dung câu hỏi không quá ${LIMITS.body} ký tự.`

  if (!values.consent) errors.consent = 'Bạn cần đồng ý để cơ quan tiếp nhận và xử lý thông tin của bạn.'
  if (!values.consentPublish) errors.consentPublish = 'Bạn cần đồng ý để câu hỏi và câu trả lời được công bố (không kèm thông tin liên hệ).'
  if (!(NAME_DISPLAYS as readonly string[]).includes(values.nameDisplay)) errors.nameDisplay = 'Vui lòng chọn cách hiển thị tên khi công bố.'

  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    question: {
      askerName: values.name,
      email: values.email || undefined,
      phone: phone || undefined,
      address: values.address || undefined,
      field: values.field,
      title: values.title,
      body: values.body,
      nameDisplay: values.nameDisplay as NameDisplay,
      flagReason: spamSignals(`${values.title}\n${values.body}`),
    },
  }
}

export const emptyQuestionForm = (): QuestionFormValues => ({
  name: '',
  email: '',
  phone: '',
  address: '',
  field: '',
  title: '',
  body: '',
  consent: false,
  consentPublish: false,
  nameDisplay: 'initials',
})
