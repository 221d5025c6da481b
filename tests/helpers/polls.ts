import type { Server } from 'node:http'
import type { Payload, Where } from 'payload'

import crypto from 'node:crypto'
import request from 'supertest'
import { expect } from 'vitest'

import type { Poll, Site } from '../../src/payload-types.ts'

type Challenge = { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string }

/** Solves an ALTCHA challenge as the widget does, and encodes the payload the widget sends. */
export function solve(challenge: Challenge, tamper: (payload: Record<string, unknown>) => void = () => {}): string {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (crypto.createHash('sha256').update(`${challenge.salt}${number}`).digest('hex') === challenge.challenge) {
      const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature }
      tamper(payload)
      return Buffer.from(JSON.stringify(payload)).toString('base64')
    }
  }
  throw new Error('challenge has no solution')
}

export type Voter = { cookie: string; captcha: string; ip: string }

/** A new reader: asks for a challenge (which sets the voter cookie) and solves it. */
export async function newVoter(server: Server, host: string, slug: string, ip: string): Promise<Voter> {
  const res = await request(server).get(`/tham-do/${slug}/ma-xac-nhan`).set('Host', host).set('X-Forwarded-For', ip)
  expect(res.status, res.text).toBe(200)
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!
  expect(cookie).toMatch(/^ct_voter=/)
  return { cookie, captcha: solve(res.body as Challenge), ip }
}

/** A fresh challenge for a voter who already has a cookie. */
export async function nextCaptcha(server: Server, host: string, slug: string, voter: Voter): Promise<string> {
  const res = await request(server).get(`/tham-do/${slug}/ma-xac-nhan`).set('Host', host).set('Cookie', voter.cookie)
  expect(res.status).toBe(200)
  return solve(res.body as Challenge)
}

export function vote(server: Server, host: string, slug: string, voter: Voter, choices: string[], captcha = voter.captcha) {
  const body = new URLSearchParams()
  for (const choice of choices) body.append('choice', choice)
  body.append('altcha', captcha)
  return request(server)
    .post(`/tham-do/${slug}/binh-chon`)
    .set('Host', host)
    .set('Cookie', voter.cookie)
    .set('X-Forwarded-For', voter.ip)
    .set('Accept', 'application/json')
    .type('form')
    .send(body.toString())
}

let pollCount = 0

/** An open poll of the site with three options, made for one test. */
export async function createOpenPoll(payload: Payload, site: Site, overrides: Partial<Poll> = {}): Promise<Poll> {
  pollCount++
  return payload.create({
    collection: 'polls',
    data: {
      site: site.id,
      question: `Câu hỏi thử số ${pollCount}?`,
      slug: `cau-hoi-thu-${pollCount}-${crypto.randomBytes(3).toString('hex')}`,
      options: [{ label: 'Có' }, { label: 'Không' }, { label: 'Không ý kiến' }],
      status: 'open',
      showResults: 'always',
      placements: ['page'],
      ...overrides,
    },
    depth: 0,
  })
}

export async function countVotes(payload: Payload, pollId: number | string, status?: string): Promise<number> {
  const where: Where = status ? { and: [{ poll: { equals: pollId } }, { status: { equals: status } }] } : { poll: { equals: pollId } }
  return (await payload.count({ collection: 'poll-votes', where })).totalDocs
}
