import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AuditEntry, Site, User } from '../src/payload-types.ts'

import { moderateVotes } from '../src/polls/moderation.ts'
import { AUDIT_COLLECTION } from '../src/ops/audit/actions.ts'
import { ADDRESS_HASH_HEADER, auditAddress, hashAddress } from '../src/ops/audit/address.ts'
import { pruneAuditTrail } from '../src/ops/audit/retention.ts'
import { graphql, loginAs } from './helpers/api.ts'
import { bootPortal, type Portal } from './helpers/bootPortal.ts'
import { demoEmail, findSite, findUser, HOABINH, PASSWORD } from './helpers/demo.ts'
import { createOpenPoll } from './helpers/polls.ts'

/** Payload's refusal, in Vietnamese (the default language) or English. */
const NOT_ALLOWED = /không có quyền|not allowed/i

let portal: Portal
let payload: Payload
let hoabinh: Site
const tokens: Record<'admin' | 'editor' | 'reporter', string> = { admin: '', editor: '', reporter: '' }
const users = {} as Record<'admin' | 'editor' | 'reporter', User>

beforeAll(async () => {
  portal = await bootPortal({ seed: true })
  payload = portal.payload
  hoabinh = await findSite(payload, HOABINH.key)
  const emails = { admin: demoEmail.admin, editor: demoEmail.editor(HOABINH), reporter: demoEmail.reporter(HOABINH) }
  for (const role of ['admin', 'editor', 'reporter'] as const) {
    tokens[role] = await loginAs(portal.app, emails[role])
    users[role] = await findUser(payload, emails[role])
  }
})

afterAll(async () => {
  await portal?.close()
})

/** Entries about one document (or one action), oldest first, read with server rights. */
async function entries(where: Record<string, unknown>): Promise<AuditEntry[]> {
  const found = await payload.find({ collection: AUDIT_COLLECTION, where: where as never, sort: 'createdAt', depth: 0, pagination: false, overrideAccess: true })
  return found.docs
}

describe('the audit trail records', () => {
  it("an article's create, changes (with field names), publish, unpublish and delete, with who and a hashed address", async () => {
    const created = await request(portal.app).post('/api/articles?draft=true').set('Authorization', tokens.editor).send({ title: 'Bài ghi nhật ký', site: hoabinh.id, _status: 'draft' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id as number
    const patch = (body: Record<string, unknown>, draft = false) =>
      request(portal.app).patch(`/api/articles/${id}${draft ? '?draft=true' : ''}`).set('Authorization', tokens.editor).send(body)
    expect((await patch({ lead: 'Sa pô mới' }, true)).status).toBe(200)
    expect((await patch({ _status: 'published' })).status).toBe(200)
    expect((await patch({ _status: 'draft' })).status).toBe(200)
    expect((await request(portal.app).delete(`/api/articles/${id}`).set('Authorization', tokens.editor)).status).toBe(200)

    const trail = await entries({ and: [{ collectionSlug: { equals: 'articles' } }, { documentId: { equals: String(id) } }] })
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'update', 'publish', 'unpublish', 'delete'])
    expect(trail[1]!.fields).toBe('lead')
    for (const entry of trail) {
      expect(entry.userEmail).toBe(users.editor.email)
      expect(entry.user).toBe(users.editor.id)
      expect(entry.title).toBe('Bài ghi nhật ký')
      expect(entry.site).toBe(hoabinh.id)
      expect(entry.addressHash).toMatch(/^[0-9a-f]{24}$/)
      expect(JSON.stringify(entry)).not.toMatch(/127\.0\.0\.1|::ffff/)
    }
  })

  it('changes to other collections through the one shared hook (tags, users and their roles)', async () => {
    const tag = await payload.create({ collection: 'tags', data: { title: 'Nhãn nhật ký', site: hoabinh.id }, draft: false, user: users.editor, overrideAccess: false } as never)
    await payload.update({ collection: 'users', id: users.reporter.id, data: { role: 'editor' }, user: users.admin, overrideAccess: false })
    await payload.update({ collection: 'users', id: users.reporter.id, data: { role: 'reporter' }, user: users.admin, overrideAccess: false })
    expect((await entries({ and: [{ collectionSlug: { equals: 'tags' } }, { documentId: { equals: String(tag.id) } }] })).map((entry) => entry.action)).toEqual(['create'])
    const roleChanges = await entries({ and: [{ collectionSlug: { equals: 'users' } }, { documentId: { equals: String(users.reporter.id) } }, { action: { equals: 'update' } }] })
    expect(roleChanges.map((entry) => [entry.fields, entry.userEmail])).toEqual([
      ['role', users.admin.email],
      ['role', users.admin.email],
    ])
  })

  it('a publish scheduled for later, with when', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: 'Bài hẹn giờ', site: hoabinh.id, _status: 'draft' }, draft: true, user: users.editor, overrideAccess: false })
    const waitUntil = new Date(Date.now() + 60 * 60 * 1000)
    const req = await createLocalReq({ user: users.editor }, payload)
    await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'articles', value: article.id } }, waitUntil, req })
    const trail = await entries({ and: [{ action: { equals: 'schedule' } }, { documentId: { equals: String(article.id) } }] })
    expect(trail.map((entry) => [entry.collectionSlug, entry.detail, entry.userEmail])).toEqual([['articles', `publish ${waitUntil.toISOString()}`, users.editor.email]])
  })

  it('sign-ins, successful and failed, without the address or the password', async () => {
    const before = await entries({ action: { equals: 'signInFailed' } })
    const failed = await request(portal.app).post('/api/users/login').send({ email: users.editor.email, password: 'sai-mat-khau' })
    expect(failed.status).toBe(401)
    await loginAs(portal.app, users.editor.email)
    const failures = await entries({ action: { equals: 'signInFailed' } })
    expect(failures).toHaveLength(before.length + 1)
    expect(failures.at(-1)!.addressHash).toMatch(/^[0-9a-f]{24}$/)
    const signIns = await entries({ and: [{ action: { equals: 'signIn' } }, { userEmail: { equals: users.editor.email } }] })
    expect(signIns.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify([...failures, ...signIns])).not.toContain(PASSWORD)
  })

  it('poll votes voided and restored by a moderator', async () => {
    const poll = await createOpenPoll(payload, hoabinh)
    const vote = await payload.create({
      collection: 'poll-votes',
      data: { poll: poll.id, site: hoabinh.id, choices: `|${poll.options![0]!.id}|`, voterKey: 'k1', ipHash: 'a', uaHash: 'b', status: 'valid' },
      overrideAccess: true,
    })
    await moderateVotes(payload, { poll, user: users.admin, action: 'void', voteIds: [vote.id], reason: 'Phiếu trùng' })
    await moderateVotes(payload, { poll, user: users.admin, action: 'restore', voteIds: [vote.id], reason: 'Nhầm lẫn' })
    const trail = await entries({ and: [{ collectionSlug: { equals: 'polls' } }, { documentId: { equals: String(poll.id) } }] })
    expect(trail.map((entry) => [entry.action, entry.detail, entry.userEmail])).toEqual([
      ['pollVoid', '1: Phiếu trùng', users.admin.email],
      ['pollRestore', '1: Nhầm lẫn', users.admin.email],
    ])
  })
})

describe('nobody changes or deletes an entry', () => {
  let entry: AuditEntry
  beforeAll(async () => {
    entry = (await entries({ action: { equals: 'create' } }))[0]!
  })

  for (const role of ['reporter', 'editor', 'admin'] as const) {
    it(`${{ reporter: 'a reporter', editor: 'an editor', admin: 'an administrator' }[role]}: not through REST, GraphQL or the Local API`, async () => {
      const rest = request(portal.app)
      expect((await rest.patch(`/api/${AUDIT_COLLECTION}/${entry.id}`).set('Authorization', tokens[role]).send({ title: 'sửa' })).status).toBe(403)
      expect((await rest.delete(`/api/${AUDIT_COLLECTION}/${entry.id}`).set('Authorization', tokens[role])).status).toBe(403)
      expect((await rest.post(`/api/${AUDIT_COLLECTION}`).set('Authorization', tokens[role]).send({ action: 'create', title: 'giả' })).status).toBe(403)

      const update = await graphql(portal.app, `mutation { updateAuditEntry(id: ${entry.id}, data: { title: "sửa" }) { id } }`, {}, tokens[role])
      expect(update.errors?.[0]?.message).toMatch(NOT_ALLOWED)
      const remove = await graphql(portal.app, `mutation { deleteAuditEntry(id: ${entry.id}) { id } }`, {}, tokens[role])
      expect(remove.errors?.[0]?.message).toMatch(NOT_ALLOWED)

      const user = users[role]
      await expect(payload.update({ collection: AUDIT_COLLECTION, id: entry.id, data: { title: 'sửa' }, user, overrideAccess: false })).rejects.toThrow(NOT_ALLOWED)
      await expect(payload.delete({ collection: AUDIT_COLLECTION, id: entry.id, user, overrideAccess: false })).rejects.toThrow(NOT_ALLOWED)

      const stored = await payload.findByID({ collection: AUDIT_COLLECTION, id: entry.id, overrideAccess: true, depth: 0 })
      expect(stored).toEqual(entry)
    })
  }

  it('only administrators read it and export it as CSV, filtered', async () => {
    for (const role of ['reporter', 'editor'] as const) {
      expect((await request(portal.app).get(`/api/${AUDIT_COLLECTION}`).set('Authorization', tokens[role])).status).toBe(403)
      expect((await request(portal.app).get(`/api/${AUDIT_COLLECTION}/export.csv`).set('Authorization', tokens[role])).status).toBe(403)
    }
    const list = await request(portal.app).get(`/api/${AUDIT_COLLECTION}?where[action][equals]=publish`).set('Authorization', tokens.admin)
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((doc: AuditEntry) => doc.action === 'publish')).toBe(true)

    const csv = await request(portal.app).get(`/api/${AUDIT_COLLECTION}/export.csv?action=pollVoid`).set('Authorization', tokens.admin)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toContain('"Thao tác"')
    expect(lines.slice(1)).toHaveLength(1)
    expect(lines[1]).toContain('"Hủy phiếu"')
    expect(lines[1]).toContain('"1: Phiếu trùng"')
  })
})

describe('retention', () => {
  it('deletes entries older than the retention period, and only those', async () => {
    const total = (await payload.count({ collection: AUDIT_COLLECTION, overrideAccess: true })).totalDocs
    const later = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000)
    expect(await pruneAuditTrail(payload, { now: later, days: 30 })).toBe(0)
    expect((await payload.count({ collection: AUDIT_COLLECTION, overrideAccess: true })).totalDocs).toBe(total)
    expect(await pruneAuditTrail(payload, { now: later, days: 5 })).toBe(total)
    expect((await payload.count({ collection: AUDIT_COLLECTION, overrideAccess: true })).totalDocs).toBe(0)
  })
})

describe('the address hash each request carries', () => {
  it('replaces what the client sent with the hash of its own address, the same each time', () => {
    const middleware = auditAddress('audit-secret')
    const hashOf = (ip: string, sent?: string) => {
      const req = { ip, headers: sent ? { [ADDRESS_HASH_HEADER]: sent } : {}, socket: {} } as unknown as Parameters<typeof middleware>[0]
      middleware(req, {} as Parameters<typeof middleware>[1], () => {})
      return req.headers[ADDRESS_HASH_HEADER]
    }
    expect(hashOf('203.0.113.5', 'forged')).toBe(hashAddress('203.0.113.5', 'audit-secret'))
    expect(hashOf('203.0.113.5')).toBe(hashAddress('203.0.113.5', 'audit-secret'))
    expect(hashOf('203.0.113.6', 'forged')).toBe(hashAddress('203.0.113.6', 'audit-secret'))
    expect(hashOf('203.0.113.5')).not.toBe(hashOf('203.0.113.6'))
  })
})
