import type { Server } from 'node:http'
import type { Payload } from 'payload'

import request from 'supertest'
import { expect } from 'vitest'

import type { Consultation, Site } from '../../src/payload-types.ts'

import { consultationChallengePath, consultationCommentPath } from '../../src/site/paths.ts'
import { solve } from './polls.ts'

const DAY = 24 * 60 * 60 * 1000

/** A solved captcha of the comment form of the site at `host` (asked through the draft at `slug`). */
export async function commentCaptcha(server: Server, host: string, slug: string): Promise<string> {
  const res = await request(server).get(consultationChallengePath(slug)).set('Host', host)
  expect(res.status, res.text).toBe(200)
  return solve(res.body)
}

export type CommentForm = Record<string, string>

/** A valid comment, with `overrides` applied (an empty string removes a field). */
export function commentForm(overrides: CommentForm = {}): CommentForm {
  const form: CommentForm = {
    name: 'Nguyễn Văn An',
    organisation: 'Hội Nông dân xã Mường Chiềng',
    email: 'an.nguyen@example.vn',
    phone: '0912 345 678',
    comment: 'Đề nghị bổ sung quy định về thời gian thu gom rác ở các thôn vùng cao.',
    ...overrides,
  }
  for (const [name, value] of Object.entries(form)) if (value === '') delete form[name]
  return form
}

export function postComment(server: Server, host: string, slug: string, form: CommentForm, ip: string) {
  return request(server).post(consultationCommentPath(slug)).set('Host', host).set('X-Forwarded-For', ip).type('form').send(new URLSearchParams(form).toString())
}

/** A published draft of `site`, open from yesterday for `closesInDays` days (negative: closed). */
export async function createConsultation(payload: Payload, site: Site, title: string, { closesInDays = 10, opensInDays = -1, status = 'published' as 'draft' | 'published', report = '' } = {}): Promise<Consultation> {
  const now = Date.now()
  return payload.create({
    collection: 'consultations',
    data: {
      site: site.id,
      _status: status,
      title,
      draftingBody: 'Sở Tài nguyên và Môi trường',
      summary: `Tóm tắt của ${title}.`,
      opensAt: new Date(now + opensInDays * DAY).toISOString(),
      closesAt: new Date(now + closesInDays * DAY).toISOString(),
      points: [
        { title: 'Phạm vi điều chỉnh (Điều 1)', text: 'Quy định này áp dụng trên địa bàn tỉnh.' },
        { title: 'Trách nhiệm thi hành (Điều 9)', text: 'Ủy ban nhân dân cấp huyện tổ chức thực hiện.' },
      ],
      report: report
        ? { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text: report, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }] } }
        : undefined,
    },
    draft: status === 'draft',
    depth: 0,
  })
}

export async function countComments(payload: Payload, consultation: Consultation): Promise<number> {
  return (await payload.count({ collection: 'consultation-comments', where: { consultation: { equals: consultation.id } } })).totalDocs
}
