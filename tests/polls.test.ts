import type { Server } from 'node:http'

import { createChallenge } from 'altcha-lib'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Poll, Site } from '../src/payload-types.ts'
import type { Portal } from './helpers/bootPortal.ts'

import { createPollKeys, voterCookieOf } from '../src/polls/keys.ts'
import { createApp } from '../src/server/createApp.ts'
import { tallyPoll } from '../src/polls/tally.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, HOABINH, KONTUM } from './helpers/demo.ts'
import { countVotes, createOpenPoll, newVoter, nextCaptcha, solve, vote } from './helpers/polls.ts'
import { listen } from './helpers/listen.ts'

// Host names of the demo sites (see the README's table).
const HOABINH_HOST = 'localhost'
const KONTUM_HOST = '127.0.0.1'
const FLAG_AFTER = 10
const BLOCK_AFTER = 15

let portal: Portal
let server: Server
let hoabinh: Site
let kontum: Site
let hoabinhModerator: string
let kontumModerator: string
let ipCounter = 0
const nextIp = () => {
  ipCounter++
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`
}
const optionIds = (poll: Poll) => (poll.options ?? []).map((option) => option.id!)

beforeAll(async () => {
  portal = await bootPortal({
    seed: true,
    // A cheap proof of work keeps hundreds of solutions fast to compute in the test.
    env: { POLL_CAPTCHA_MAX_NUMBER: '2000', POLL_FLAG_AFTER: String(FLAG_AFTER), POLL_BLOCK_AFTER: String(BLOCK_AFTER) },
  })
  server = (await listen(portal.app)).server
  hoabinh = await findSite(portal.payload, HOABINH.key)
  kontum = await findSite(portal.payload, KONTUM.key)
  hoabinhModerator = await loginAs(portal.app, demoEmail.pollModerator(HOABINH))
  kontumModerator = await loginAs(portal.app, demoEmail.pollModerator(KONTUM))
}, 240_000)
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await portal?.close()
})

describe('demo polls', () => {
  it('each site shows an open poll on its home page, without a reader state baked into the cached page', async () => {
    for (const [host, site] of [
      [HOABINH_HOST, hoabinh],
      [KONTUM_HOST, kontum],
    ] as const) {
      const home = await request(server).get('/').set('Host', host)
      expect(home.status).toBe(200)
      expect(home.text).toContain('Thăm dò ý kiến')
      expect(home.text).toContain(`Theo bạn, ${site.name} có cung cấp đầy đủ thông tin hoạt động`)
      expect(home.text).toContain('Tương đối đầy đủ')
      expect(home.text).toContain('Mã xác nhận')
      expect(home.text).toContain('vui lòng bật JavaScript')
      expect(home.text).toContain('/assets/poll.js')
      expect(home.text).not.toMatch(/Bạn đã biểu quyết/)
    }
    // Article pages show it too (placement 'article'); a notice page does not.
    const articles = await portal.payload.find({ collection: 'articles', where: { and: [{ site: { equals: hoabinh.id } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0 })
    const article = await request(server).get(`/bai-viet/${articles.docs[0]!.slug}`).set('Host', HOABINH_HOST)
    expect(article.status).toBe(200)
    expect(article.text).toContain('có cung cấp đầy đủ thông tin hoạt động')
    const notices = await request(server).get('/thong-bao').set('Host', HOABINH_HOST)
    expect(notices.text).not.toContain('có cung cấp đầy đủ thông tin hoạt động')
  })

  it('each site has a closed poll with results: counts, vi-VN percentages, bars, total and period', async () => {
    for (const host of [HOABINH_HOST, KONTUM_HOST]) {
      const page = await request(server).get('/tham-do/thiet-bi-doc-tin/ket-qua').set('Host', host)
      expect(page.status).toBe(200)
      expect(page.text).toContain('Kết quả chung cuộc')
      expect(page.text).toContain('14 phiếu')
      expect(page.text).toMatch(/58,3\s?%/)
      expect(page.text).toContain('24 phiếu')
      expect(page.text).toMatch(/poll-bar-fill" style="width:58\.3%"/)
      expect(page.text).toMatch(/Thời gian: Từ \d\d\/\d\d\/\d{4} \d\d:\d\d đến/)
      const list = await request(server).get('/tham-do').set('Host', host)
      expect(list.text).toContain('đã kết thúc')
    }
  })

  it('a closed poll refuses challenges and votes with 409', async () => {
    const challenge = await request(server).get('/tham-do/thiet-bi-doc-tin/ma-xac-nhan').set('Host', HOABINH_HOST)
    expect(challenge.status).toBe(409)
    const res = await request(server).post('/tham-do/thiet-bi-doc-tin/binh-chon').set('Host', HOABINH_HOST).send({ choice: 'x', altcha: 'x' })
    expect(res.status).toBe(409)
    expect(res.body.message).toContain('đã kết thúc')
  })
})

describe('voting', () => {
  it('200 concurrent valid votes: exactly 200 rows, a tally of 200, no error', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const options = optionIds(poll)
    const voters = await Promise.all(Array.from({ length: 200 }, () => newVoter(server, HOABINH_HOST, poll.slug, nextIp())))
    const answers = await Promise.all(voters.map((voter, index) => vote(server, HOABINH_HOST, poll.slug, voter, [options[index % 3]!])))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(200)
    expect(await countVotes(portal.payload, poll.id)).toBe(200)
    const tally = await tallyPoll(portal.payload, poll)
    expect(tally.total).toBe(200)
    expect(Object.values(tally.counts)).toEqual([67, 67, 66])
    // The answer carries the voter's choice and the live results.
    expect(answers[0]!.body.outcome).toBe('accepted')
    expect(answers[0]!.body.results.totalText).toMatch(/phiếu/)
  }, 180_000)

  it('one captcha solution sent 50 times at once is accepted exactly once', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    // 50 different addresses, so the rate limiter stays out of it.
    const answers = await Promise.all(Array.from({ length: 50 }, () => vote(server, HOABINH_HOST, poll.slug, { ...voter, ip: nextIp() }, [optionIds(poll)[0]!])))
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.every((status) => status === 200 || status === 400 || status === 409)).toBe(true)
    expect(await countVotes(portal.payload, poll.id)).toBe(1)
    // Sent once more after the burst: the winner's own solution again is a second vote (409, with
    // the choice made); a solution replayed without any earlier vote is the next test.
    const again = await vote(server, HOABINH_HOST, poll.slug, { ...voter, ip: nextIp() }, [optionIds(poll)[1]!])
    expect(again.status).toBe(409)
    expect(again.body.choices).toEqual([optionIds(poll)[0]])
    expect(await countVotes(portal.payload, poll.id)).toBe(1)
  }, 60_000)

  it('a replayed solution is refused with 400 even for a voter who has not voted', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[1]!])).status).toBe(200)
    // Void the vote, so only the used challenge stands in the way.
    await portal.payload.update({ collection: 'poll-votes', where: { poll: { equals: poll.id } }, data: { status: 'void' } })
    await portal.payload.delete({ collection: 'poll-votes', where: { poll: { equals: poll.id } } })
    const again = await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[1]!])
    expect(again.status).toBe(400)
    expect(again.body.message).toContain('đã được sử dụng')
  })

  it('expired, tampered, foreign and missing solutions are refused with 400', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const other = await createOpenPoll(portal.payload, hoabinh)
    const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    const keys = createPollKeys(portal.payload.secret)
    const voterKey = keys.voterKey(voterCookieOf(voter.cookie)!)
    const expired = await createChallenge({
      hmacKey: keys.captchaKey,
      maxNumber: 500,
      expires: new Date(Date.now() - 1000),
      params: { poll: String(poll.id), voter: keys.voterTag(voterKey) },
    })
    const expiredAnswer = await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], solve(expired as never))
    expect(expiredAnswer.status).toBe(400)
    expect(expiredAnswer.body.message).toContain('hết hạn')

    const wrongNumber = solve((await request(server).get(`/tham-do/${poll.slug}/ma-xac-nhan`).set('Host', HOABINH_HOST).set('Cookie', voter.cookie)).body, (payload) => {
      payload.number = (payload.number as number) + 1
    })
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], wrongNumber)).status).toBe(400)
    const longer = solve((await request(server).get(`/tham-do/${poll.slug}/ma-xac-nhan`).set('Host', HOABINH_HOST).set('Cookie', voter.cookie)).body, (payload) => {
      payload.salt = String(payload.salt).replace(/expires=\d+/, 'expires=9999999999')
    })
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], longer)).status).toBe(400)
    const foreign = await nextCaptcha(server, HOABINH_HOST, other.slug, voter)
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], foreign)).status).toBe(400)
    // Another reader's solution is bound to that reader.
    const stranger = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], stranger.captcha)).status).toBe(400)
    for (const garbage of ['', 'not-base64!', Buffer.from('{"a":1}').toString('base64')]) {
      const res = await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], garbage)
      expect(res.status).toBe(400)
      expect(res.body.message).toMatch(/[Mm]ã xác nhận/)
    }
    expect(await countVotes(portal.payload, poll.id)).toBe(0)
  })

  it('the same voter twice: the second is refused with 409 and shows the first choice', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh, { showResults: 'afterVoting' })
    const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    const before = await request(server).get(`/tham-do/${poll.slug}/trang-thai`).set('Host', HOABINH_HOST).set('Cookie', voter.cookie)
    expect(before.body).toMatchObject({ phase: 'open', voted: false, results: null })
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[2]!])).status).toBe(200)
    const second = await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!], await nextCaptcha(server, HOABINH_HOST, poll.slug, voter))
    expect(second.status).toBe(409)
    expect(second.body.message).toContain('Bạn đã biểu quyết')
    expect(second.body.choices).toEqual([optionIds(poll)[2]])
    const after = await request(server).get(`/tham-do/${poll.slug}/trang-thai`).set('Host', HOABINH_HOST).set('Cookie', voter.cookie)
    expect(after.headers['cache-control']).toBe('no-store')
    expect(after.body).toMatchObject({ voted: true, choices: [optionIds(poll)[2]] })
    expect(after.body.results.total).toBe(1)
    expect(await countVotes(portal.payload, poll.id)).toBe(1)
  })

  it('refuses unknown polls and options, bad bodies and polls not yet open, in Vietnamese and never with a 5xx', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh, { multiple: false })
    const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    expect((await request(server).post('/tham-do/khong-co/binh-chon').set('Host', HOABINH_HOST).send({})).status).toBe(404)
    expect((await request(server).get('/tham-do/khong-co/trang-thai').set('Host', HOABINH_HOST)).status).toBe(404)
    const unknownOption = await vote(server, HOABINH_HOST, poll.slug, voter, ['khong-ton-tai'])
    expect(unknownOption.status).toBe(400)
    expect(unknownOption.body.message).toContain('Phương án')
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, optionIds(poll).slice(0, 2))).status).toBe(400)
    expect((await vote(server, HOABINH_HOST, poll.slug, voter, [])).status).toBe(400)
    const badJson = await request(server).post(`/tham-do/${poll.slug}/binh-chon`).set('Host', HOABINH_HOST).set('Content-Type', 'application/json').send('{"choice":')
    expect(badJson.status).toBe(400)
    // A poll of the other site does not exist on this host.
    const kontumPoll = await createOpenPoll(portal.payload, kontum)
    expect((await request(server).get(`/tham-do/${kontumPoll.slug}/ma-xac-nhan`).set('Host', HOABINH_HOST)).status).toBe(404)
    // A poll that opens tomorrow is not public yet: not on its page, not through the API.
    const later = await createOpenPoll(portal.payload, hoabinh, { opensAt: new Date(Date.now() + 86_400_000).toISOString() })
    const early = await vote(server, HOABINH_HOST, later.slug, voter, [optionIds(later)[0]!])
    expect(early.status).toBe(404)
    expect((await request(server).get(`/tham-do/${later.slug}`).set('Host', HOABINH_HOST)).status).toBe(404)
    expect((await request(server).get(`/api/polls/${later.id}`)).status).toBe(404)
    const listed = await request(server).get('/api/polls').query({ limit: 100, depth: 0 })
    expect(listed.body.docs.map((poll: Poll) => poll.id)).toContain(poll.id)
    expect(listed.body.docs.map((poll: Poll) => poll.id)).not.toContain(later.id)
    const draft = await createOpenPoll(portal.payload, hoabinh, { status: 'draft' })
    expect((await request(server).get(`/tham-do/${draft.slug}`).set('Host', HOABINH_HOST)).status).toBe(404)
  })

  it('counts only votes whose captcha was valid: junk from an office address flags none of its real votes', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const office = nextIp()
    for (let index = 0; index < BLOCK_AFTER + 5; index++) {
      const prankster = await newVoter(server, HOABINH_HOST, poll.slug, office)
      const junk = await vote(server, HOABINH_HOST, poll.slug, { ...prankster, captcha: Buffer.from('{"number":1}').toString('base64') }, [optionIds(poll)[0]!])
      expect(junk.status).toBe(400)
    }
    const colleague = await newVoter(server, HOABINH_HOST, poll.slug, office)
    const real = await vote(server, HOABINH_HOST, poll.slug, colleague, [optionIds(poll)[0]!])
    expect(real.status).toBe(200)
    expect(real.body.outcome).toBe('accepted')
    expect(await countVotes(portal.payload, poll.id, 'valid')).toBe(1)
    expect(await countVotes(portal.payload, poll.id, 'flagged')).toBe(0)
  }, 60_000)

  it('two instances on one database share the counts of an address', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const { server: second, close } = await listen(createApp({ payload: portal.payload, handleNext: async (_req, res) => void res.writeHead(404).end() }))
    try {
      const office = nextIp()
      const statuses: number[] = []
      for (let index = 0; index < FLAG_AFTER + 2; index++) {
        const instance = index % 2 === 0 ? server : second
        const voter = await newVoter(instance, HOABINH_HOST, poll.slug, office)
        statuses.push((await vote(instance, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[1]!])).status)
      }
      // Each instance saw only half of the votes, yet the address is flagged after FLAG_AFTER in all.
      expect(statuses).toEqual([...Array(FLAG_AFTER).fill(200), 202, 202])
      expect(await countVotes(portal.payload, poll.id, 'flagged')).toBe(FLAG_AFTER + 2)
    } finally {
      await close()
    }
  }, 60_000)

  it('counts an IPv6 reader by the /64: new addresses of one /64 share its count, another /64 has its own', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const statuses: number[] = []
    // One home's /64, a different address for every vote (as privacy addresses change).
    for (let index = 0; index < FLAG_AFTER + 2; index++) {
      const voter = await newVoter(server, HOABINH_HOST, poll.slug, `2001:db8:5:1:${(0xa000 + index).toString(16)}:${index}::${index + 1}`)
      statuses.push((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!])).status)
    }
    expect(statuses).toEqual([...Array(FLAG_AFTER).fill(200), 202, 202])
    const neighbour = await newVoter(server, HOABINH_HOST, poll.slug, '2001:db8:5:2::1')
    expect((await vote(server, HOABINH_HOST, poll.slug, neighbour, [optionIds(poll)[0]!])).status).toBe(200)
    expect(await countVotes(portal.payload, poll.id, 'flagged')).toBe(FLAG_AFTER + 2)
    expect(await countVotes(portal.payload, poll.id, 'valid')).toBe(1)
  }, 60_000)

  it('a burst from one address: votes past the threshold are flagged (earlier ones too), then 429, never 5xx', async () => {
    const poll = await createOpenPoll(portal.payload, hoabinh)
    const office = nextIp()
    const voters = []
    for (let index = 0; index < BLOCK_AFTER + 5; index++) voters.push(await newVoter(server, HOABINH_HOST, poll.slug, office))
    const statuses: number[] = []
    for (const voter of voters) statuses.push((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[0]!])).status)
    expect(statuses.slice(0, FLAG_AFTER)).toEqual(Array(FLAG_AFTER).fill(200))
    expect(statuses.slice(FLAG_AFTER, BLOCK_AFTER)).toEqual(Array(BLOCK_AFTER - FLAG_AFTER).fill(202))
    expect(statuses.slice(BLOCK_AFTER)).toEqual(Array(5).fill(429))
    expect(await countVotes(portal.payload, poll.id)).toBe(BLOCK_AFTER)
    expect(await countVotes(portal.payload, poll.id, 'flagged')).toBe(BLOCK_AFTER)
    expect((await tallyPoll(portal.payload, poll)).total).toBe(0)
    // Moderators see the burst and can restore the office's votes.
    const review = await request(server).get(`/api/polls/${poll.id}/suspicious`).set('Authorization', hoabinhModerator)
    expect(review.status).toBe(200)
    expect(review.body.flagged).toHaveLength(BLOCK_AFTER)
    expect(review.body.bursts[0]).toMatchObject({ kind: 'ip', count: BLOCK_AFTER })
    const restore = await request(server)
      .post(`/api/polls/${poll.id}/moderate`)
      .set('Authorization', hoabinhModerator)
      .send({ action: 'restore', ipHash: review.body.bursts[0].hash, reason: 'Cùng mạng của một cơ quan' })
    expect(restore.status).toBe(200)
    expect(restore.body.count).toBe(BLOCK_AFTER)
    expect((await tallyPoll(portal.payload, poll)).total).toBe(BLOCK_AFTER)
    const page = await request(server).get(`/api/polls/${poll.id}/review`).set('Authorization', hoabinhModerator)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Xem xét phiếu')
  }, 60_000)
})

describe('moderation', () => {
  let poll: Poll
  beforeAll(async () => {
    poll = await createOpenPoll(portal.payload, hoabinh)
    for (let index = 0; index < 3; index++) {
      const voter = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
      expect((await vote(server, HOABINH_HOST, poll.slug, voter, [optionIds(poll)[index]!])).status).toBe(200)
    }
  })

  it('a voided vote leaves the tally at once, a restored one returns, and both are audited', async () => {
    const tally = () => request(server).get(`/api/polls/${poll.id}/tally`).set('Authorization', hoabinhModerator)
    expect((await tally()).body.total).toBe(3)
    const votes = await request(server).get('/api/poll-votes').query({ where: { poll: { equals: poll.id } }, depth: 0 }).set('Authorization', hoabinhModerator)
    expect(votes.status).toBe(200)
    expect(votes.body.docs).toHaveLength(3)
    expect(votes.body.docs[0].voterKey).toBeUndefined()
    const target = votes.body.docs[0].id
    const noReason = await request(server).post(`/api/polls/${poll.id}/moderate`).set('Authorization', hoabinhModerator).send({ action: 'void', ids: [target], reason: ' ' })
    expect(noReason.status).toBe(400)
    const voided = await request(server).post(`/api/polls/${poll.id}/moderate`).set('Authorization', hoabinhModerator).send({ action: 'void', ids: [target], reason: 'Phiếu thử nghiệm' })
    expect(voided.body).toMatchObject({ count: 1 })
    const afterVoid = (await tally()).body
    expect(afterVoid.total).toBe(2)
    expect(afterVoid.rows.map((row: { count: number }) => row.count).reduce((a: number, b: number) => a + b)).toBe(2)
    const restored = await request(server).post(`/api/polls/${poll.id}/moderate`).set('Authorization', hoabinhModerator).send({ action: 'restore', ids: [target], reason: 'Kiểm tra lại: hợp lệ' })
    expect(restored.body).toMatchObject({ count: 1 })
    expect((await tally()).body.total).toBe(3)
    const audits = await portal.payload.find({ collection: 'poll-audits', where: { poll: { equals: poll.id } }, sort: 'createdAt', depth: 0 })
    expect(audits.docs.map((audit) => [audit.action, audit.count, audit.reason])).toEqual([
      ['void', 1, 'Phiếu thử nghiệm'],
      ['restore', 1, 'Kiểm tra lại: hợp lệ'],
    ])
    expect(audits.docs[0]!.site).toBe(hoabinh.id)
    // The admin's poll view shows the live tally.
    const inAdmin = await request(server).get(`/api/polls/${poll.id}`).set('Authorization', hoabinhModerator)
    expect(inAdmin.body.tally).toContain('Tổng: 3 phiếu hợp lệ')
  })

  it('closes, reopens and archives a poll; votes follow the status', async () => {
    const close = await request(server).patch(`/api/polls/${poll.id}`).set('Authorization', hoabinhModerator).send({ status: 'closed' })
    expect(close.status).toBe(200)
    // A closed poll hands out no captcha challenge.
    const challenge = await request(server).get(`/tham-do/${poll.slug}/ma-xac-nhan`).set('Host', HOABINH_HOST).set('X-Forwarded-For', nextIp())
    expect(challenge.status).toBe(409)
    expect(challenge.body.message).toBe('Cuộc thăm dò không nhận phiếu lúc này.')
    await request(server).patch(`/api/polls/${poll.id}`).set('Authorization', hoabinhModerator).send({ status: 'open' }).expect(200)
    const late = await newVoter(server, HOABINH_HOST, poll.slug, nextIp())
    expect((await vote(server, HOABINH_HOST, poll.slug, late, [optionIds(poll)[0]!])).status).toBe(200)
    await request(server).patch(`/api/polls/${poll.id}`).set('Authorization', hoabinhModerator).send({ status: 'archived' }).expect(200)
    expect((await request(server).get(`/tham-do/${poll.slug}`).set('Host', HOABINH_HOST)).status).toBe(404)
    await request(server).patch(`/api/polls/${poll.id}`).set('Authorization', hoabinhModerator).send({ status: 'open' }).expect(200)
  })

  it('exports the results and the vote list as CSV, without secrets', async () => {
    const results = await request(server).get(`/api/polls/${poll.id}/export?what=results`).set('Authorization', hoabinhModerator)
    expect(results.status).toBe(200)
    expect(results.headers['content-type']).toContain('text/csv')
    expect(results.text).toContain(poll.question)
    expect(results.text).toContain('"Có"')
    const votes = await request(server).get(`/api/polls/${poll.id}/export?what=votes`).set('Authorization', hoabinhModerator)
    expect(votes.status).toBe(200)
    const lines = votes.text.trim().split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toContain('Mã địa chỉ IP (băm)')
    const rows = await portal.payload.find({ collection: 'poll-votes', where: { poll: { equals: poll.id } }, depth: 0, overrideAccess: true, showHiddenFields: true })
    for (const row of rows.docs) expect(votes.text).not.toContain(row.voterKey)
    expect(votes.text).not.toMatch(/10\.\d+\.\d+\.\d+/)
  })

  it('a moderator of another site can neither see nor change this poll (REST)', async () => {
    expect((await request(server).get(`/api/polls/${poll.id}/tally`).set('Authorization', kontumModerator)).status).toBe(404)
    expect((await request(server).get(`/api/polls/${poll.id}/export?what=votes`).set('Authorization', kontumModerator)).status).toBe(404)
    const moderate = await request(server).post(`/api/polls/${poll.id}/moderate`).set('Authorization', kontumModerator).send({ action: 'void', ids: [1], reason: 'không được phép' })
    expect(moderate.status).toBe(404)
    const patch = await request(server).patch(`/api/polls/${poll.id}`).set('Authorization', kontumModerator).send({ status: 'closed' })
    expect(patch.status).toBeGreaterThanOrEqual(403)
    expect(patch.status).toBeLessThan(405)
    expect((await portal.payload.findByID({ collection: 'polls', id: poll.id, depth: 0 })).status).toBe('open')
    const list = await request(server).get('/api/polls').query({ limit: 100, depth: 0 }).set('Authorization', kontumModerator)
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(new Set(list.body.docs.map((doc: Poll) => doc.site))).toEqual(new Set([kontum.id]))
    const votes = await request(server).get('/api/poll-votes').query({ limit: 500, depth: 0 }).set('Authorization', kontumModerator)
    expect(votes.status).toBe(200)
    expect(votes.body.docs.every((doc: { site: number | string }) => doc.site === kontum.id)).toBe(true)
    expect((await request(server).get(`/api/polls/${poll.id}`).set('Authorization', kontumModerator)).status).toBeGreaterThanOrEqual(403)
    // Readers and editors cannot read votes at all; nobody writes them through the API.
    expect((await request(server).get('/api/poll-votes')).status).toBe(403)
    expect((await request(server).post('/api/poll-votes').set('Authorization', hoabinhModerator).send({ poll: poll.id, choices: '|x|', voterKey: 'k', ipHash: 'i', uaHash: 'u' })).status).toBe(403)
  })

  it('a moderator of another site can neither see nor change this poll (GraphQL)', async () => {
    const list = await graphql(server as never, '{ Polls(limit: 100) { docs { id site { id } } } PollVotes(limit: 500) { docs { id site { id } } } }', {}, kontumModerator)
    expect(list.errors).toBeUndefined()
    const polls = list.data!.Polls.docs as { id: number; site: { id: number } }[]
    expect(polls.length).toBeGreaterThan(0)
    expect(polls.every((doc) => doc.site.id === kontum.id)).toBe(true)
    expect((list.data!.PollVotes.docs as { site: { id: number } }[]).every((doc) => doc.site.id === kontum.id)).toBe(true)
    const single = await graphql(server as never, 'query ($id: Int!) { Poll(id: $id) { question } }', { id: poll.id }, kontumModerator)
    expect(single.data?.Poll ?? null).toBeNull()
    const update = await graphql(server as never, 'mutation ($id: Int!) { updatePoll(id: $id, data: { status: closed }) { id } }', { id: poll.id }, kontumModerator)
    expect(update.errors?.length).toBeGreaterThan(0)
    expect((await portal.payload.findByID({ collection: 'polls', id: poll.id, depth: 0 })).status).toBe('open')
  })
})
