import type { Server } from 'node:http'
import type { Payload } from 'payload'

import request from 'supertest'
import { expect } from 'vitest'

import type { QuestionField, Site } from '../../src/payload-types.ts'

import { ASK_QUESTION_CHALLENGE_PATH, ASK_QUESTION_PATH } from '../../src/site/paths.ts'
import { solve } from './polls.ts'

/** A solved captcha of the question form of the site at `host`. */
export async function questionCaptcha(server: Server, host: string): Promise<string> {
  const res = await request(server).get(ASK_QUESTION_CHALLENGE_PATH).set('Host', host)
  expect(res.status, res.text).toBe(200)
  return solve(res.body)
}

export type QuestionForm = Record<string, string>

/** A valid form for the field `fieldId`, with `overrides` applied (an empty string removes a field). */
export function questionForm(fieldId: number | string, overrides: QuestionForm = {}): QuestionForm {
  const form: QuestionForm = {
    name: 'Nguyễn Văn An',
    email: 'an.nguyen@example.vn',
    phone: '0912 345 678',
    address: 'Tổ 5, xóm Đồng Tâm, huyện Lạc Sơn',
    field: String(fieldId),
    title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
    body: 'Gia đình tôi có mảnh đất ở từ năm 1990, xin hỏi thủ tục cấp giấy chứng nhận lần đầu gồm những giấy tờ gì?',
    consent: 'on',
    consentPublish: 'on',
    nameDisplay: 'initials',
    ...overrides,
  }
  for (const [name, value] of Object.entries(form)) if (value === '') delete form[name]
  return form
}

export function postQuestion(server: Server, host: string, form: QuestionForm, ip: string) {
  return request(server).post(ASK_QUESTION_PATH).set('Host', host).set('X-Forwarded-For', ip).type('form').send(new URLSearchParams(form).toString())
}

/** The reference and follow-up path shown on a receipt page. */
export function receiptOf(html: string): { reference: string; followUp: string } {
  const reference = /class="reference">([^<]+)</.exec(html)?.[1]
  const followUp = /href="(\/hoi-dap\/tra-cuu\/[A-Za-z0-9_-]+)" class="follow-up-link"/.exec(html)?.[1]
  if (!reference || !followUp) throw new Error('not a receipt page')
  return { reference, followUp }
}

export async function createQuestionField(payload: Payload, site: Site, name: string, order = 0): Promise<QuestionField> {
  return payload.create({ collection: 'question-fields', data: { site: site.id, name, order }, depth: 0 })
}

/** The site's questions (feedback shares the collection but has its own numbering). */
export async function countQuestions(payload: Payload, site: Site): Promise<number> {
  return (await payload.count({ collection: 'questions', where: { site: { equals: site.id }, kind: { equals: 'question' } } })).totalDocs
}
