import type { Payload, PayloadRequest } from 'payload'

import type { Poll, Site } from '../payload-types.ts'
import type { SeedReport } from './seed.ts'

import { encodeChoices } from '../polls/tally.ts'

const DAY = 24 * 60 * 60 * 1000

/** Votes of the closed demo poll, per option in order. */
const CLOSED_POLL_VOTES = [14, 7, 3]

/**
 * Per demo site: an open poll in the home page's sidebar, and a closed poll with results.
 * Idempotent: a poll is looked up by its slug, and votes are written only with a new poll.
 */
export async function seedDemoPolls(payload: Payload, site: Site, report: SeedReport, req: Partial<PayloadRequest>): Promise<void> {
  const findOrCreate = async (slug: string, data: Omit<Poll, 'createdAt' | 'id' | 'updatedAt'>): Promise<{ poll: Poll; created: boolean }> => {
    const existing = await payload.find({ collection: 'polls', where: { and: [{ site: { equals: site.id } }, { slug: { equals: slug } }] }, limit: 1, depth: 0 })
    if (existing.docs[0]) {
      report.existing++
      return { poll: existing.docs[0], created: false }
    }
    report.created++
    return { poll: await payload.create({ collection: 'polls', data, depth: 0, req }), created: true }
  }

  await findOrCreate('danh-gia-thong-tin-hoat-dong', {
    site: site.id,
    slug: 'danh-gia-thong-tin-hoat-dong',
    question: `Theo bạn, ${site.name} có cung cấp đầy đủ thông tin hoạt động của ${site.agency} không?`,
    options: [{ label: 'Đầy đủ' }, { label: 'Tương đối đầy đủ' }, { label: 'Chưa đầy đủ' }],
    multiple: false,
    opensAt: new Date(Date.now() - 7 * DAY).toISOString(),
    closesAt: new Date(Date.now() + 365 * DAY).toISOString(),
    status: 'open',
    showResults: 'always',
    placements: ['home', 'article', 'page'],
  })

  const closed = await findOrCreate('thiet-bi-doc-tin', {
    site: site.id,
    slug: 'thiet-bi-doc-tin',
    question: 'Bạn thường đọc tin trên trang thông tin điện tử bằng thiết bị nào?',
    options: [{ label: 'Điện thoại di động' }, { label: 'Máy tính' }, { label: 'Máy tính bảng' }],
    multiple: false,
    opensAt: new Date(Date.now() - 60 * DAY).toISOString(),
    closesAt: new Date(Date.now() - 30 * DAY).toISOString(),
    status: 'closed',
    showResults: 'afterClosing',
    placements: ['page'],
  })
  if (!closed.created) return
  const options = closed.poll.options ?? []
  let voter = 0
  for (const [index, votes] of CLOSED_POLL_VOTES.entries()) {
    for (let vote = 0; vote < votes; vote++) {
      voter++
      await payload.create({
        collection: 'poll-votes',
        data: {
          poll: closed.poll.id,
          site: site.id,
          choices: encodeChoices([options[index]!.id!]),
          voterKey: `demo-${voter}`,
          ipHash: `demo-${voter % 5}`,
          uaHash: 'demo',
          status: 'valid',
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      report.created++
    }
  }
}
