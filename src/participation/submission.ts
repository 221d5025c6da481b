import type { Payload, PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Site } from '../payload-types.ts'
import type { ParticipationService } from './service.ts'

import { checkBoundSolution, issueBoundChallenge } from '../captcha/challenge.ts'
import { normalizeDeep } from '../lib/vietnamese.ts'

/**
 * What every citizens' form does around its own fields: the per-address limit, the captcha bound
 * to the form and the site, and one transaction that records the used challenge with the write.
 */

const CAPTCHA_MESSAGES = {
  missing: 'Vui lòng hoàn tất bước "Tôi không phải là người máy" trước khi gửi.',
  malformed: 'Mã xác nhận không hợp lệ. Vui lòng xác nhận lại.',
  invalid: 'Mã xác nhận không đúng. Vui lòng xác nhận lại.',
  expired: 'Mã xác nhận đã hết hạn. Vui lòng xác nhận lại.',
  mismatch: 'Mã xác nhận không dành cho biểu mẫu này. Vui lòng xác nhận lại.',
  replay: 'Mã xác nhận này đã được sử dụng. Vui lòng xác nhận lại.',
} as const

export const REPLAY_MESSAGE = CAPTCHA_MESSAGES.replay

/** The captcha of one form of one site. */
export const formChallenge = (service: ParticipationService, form: string, site: Site) =>
  issueBoundChallenge(service.keys.captchaKey, { form, site: String(site.id) }, service.settings.captchaMaxNumber)

export type AddressCheck = { ipHash: string; limited?: { retryAfterSeconds: number } }

/** Counts one submission of `form` from this address to this site; `limited` once past the hourly limit. */
export function countSubmission(service: ParticipationService, form: string, site: Site, ip: string, now: Date): AddressCheck {
  const ipHash = service.keys.ipHash(ip, now)
  const { attempts, retryAfterSeconds } = service.limiter.hit(`${form} ${site.id} ${ipHash}`, now.getTime())
  return attempts > service.settings.limitPerHour ? { ipHash, limited: { retryAfterSeconds } } : { ipHash }
}

export type CaptchaCheck = { ok: true; key: string; expiresAt: Date } | { ok: false; message: string }

/** The form's captcha: genuine, unexpired and issued for this form and site (its use is checked when stored). */
export async function checkFormCaptcha(service: ParticipationService, form: string, site: Site, raw: unknown, now: Date): Promise<CaptchaCheck> {
  const check = await checkBoundSolution(service.keys.captchaKey, raw, { form, site: String(site.id) }, now.getTime())
  return check.ok ? check : { ok: false, message: CAPTCHA_MESSAGES[check.reason] }
}

/**
 * Runs `write` in one transaction with the record of the used challenge (its unique key refuses a
 * replay). Nothing is written unless all of it is; a replayed solution gives 'replay'.
 */
export async function storeWithChallenge<T>(service: ParticipationService, form: string, captcha: { key: string; expiresAt: Date }, now: Date, write: (req: PayloadRequest) => Promise<T>): Promise<T | 'replay'> {
  const { payload } = service
  const req = await createLocalReq({}, payload)
  try {
    await initTransaction(req)
    const at = now.toISOString()
    // server rights: records the used captcha challenge, checked before; nothing is read back
    await payload.db.create({
      collection: 'form-challenges',
      data: { key: captcha.key, form, expiresAt: captcha.expiresAt.toISOString(), createdAt: at, updatedAt: at },
      req,
      returning: false,
    })
    const result = await write(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    // server rights: only whether this challenge was used already
    const used = await payload.count({ collection: 'form-challenges', where: { key: { equals: captcha.key } }, overrideAccess: true })
    if (used.totalDocs > 0) return 'replay'
    throw error
  }
}

/** A citizen's new question or feedback as its form stores it. */
export type ReceivedSubmission = Omit<RequiredDataFromCollectionSlug<'questions'>, 'createdAt' | 'updatedAt'>

/**
 * Stores a citizen's new question or feedback in `req`'s transaction, through the database adapter
 * rather than `payload.create`. For this one write the collection's hooks have nothing to do (no
 * user to audit; the read model, the e-mails and the handling steps start when staff act), and the
 * form has already cleaned (NFC, no HTML) and checked every field; Payload's hooks, validation and
 * read-back were about a third of the server's time per submission (`npm run bench:forms`).
 * tests/questions.test.ts checks that the stored record equals what `payload.create` stores.
 */
export async function storeReceived(payload: Payload, req: PayloadRequest, submission: ReceivedSubmission): Promise<void> {
  const at = new Date().toISOString()
  // server rights: received questions and feedback are created here only (create access is nobody); nothing is read back
  await payload.db.create({ collection: 'questions', data: { ...normalizeDeep(submission), createdAt: at, updatedAt: at }, req, returning: false })
}

/** The id of a received submission, by its reference: for what must point at it (attached files). */
export async function receivedId(payload: Payload, req: PayloadRequest, site: number | string, reference: string): Promise<number | string> {
  // server rights: only the id of the submission this request has just stored
  const found = await payload.db.findOne<{ id: number | string }>({
    collection: 'questions',
    where: { and: [{ site: { equals: site } }, { reference: { equals: reference } }] },
    req,
    select: { id: true },
  })
  if (!found) throw new Error(`received submission ${reference} of site ${site} not found`)
  return found.id
}
