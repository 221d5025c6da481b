import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../src/access/roles.ts'
import { type ContactKey, contactKeyOf, eraseSubmissionsOf, exportSubmissions, findSubmissionsOf } from '../../../src/participation/personalData.ts'
import { bodyOf } from '../../Polls/endpoints/moderatedPoll.ts'
import { personalDataForm } from './personalDataForm.ts'

/**
 * A person's submissions (Decree 13/2023/NĐ-CP): editors and administrators export or erase the
 * contact details of everything one e-mail or phone sent on their sites. The key travels in a POST
 * body, never in a URL that could be logged.
 */
const PAGE = '/api/questions/personal-data'
const wantsHtml = (req: PayloadRequest) => (req.headers.get('accept') ?? '').includes('text/html')

function staffRefusal(req: PayloadRequest): Response | undefined {
  if (!req.user) return Response.json({ message: 'Vui lòng đăng nhập.' }, { status: 401 })
  if (!hasRole(req.user, 'admin', 'editor')) return Response.json({ message: 'Chỉ biên tập viên hoặc quản trị được tra cứu dữ liệu cá nhân của người gửi.' }, { status: 403 })
  return undefined
}

async function keyOrRefusal(req: PayloadRequest): Promise<ContactKey | Response> {
  const refusal = staffRefusal(req)
  if (refusal) return refusal
  const key = contactKeyOf(await bodyOf(req))
  return key ?? Response.json({ message: 'Vui lòng nhập một thư điện tử hoặc một số điện thoại hợp lệ (không nhập cả hai).' }, { status: 400 })
}

/** GET /api/questions/personal-data: the editors' page with the export and erase forms. */
export const personalDataPage: Endpoint = {
  path: '/personal-data',
  method: 'get',
  handler: (req) => {
    const refusal = staffRefusal(req)
    if (refusal) return refusal
    return new Response(personalDataForm(req.searchParams.get('done')), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
  },
}

/** POST /api/questions/personal-data { email } | { phone }: every submission with that contact, as JSON. */
export const exportPersonalData: Endpoint = {
  path: '/personal-data',
  method: 'post',
  handler: async (req) => {
    const key = await keyOrRefusal(req)
    if (key instanceof Response) return key
    const submissions = exportSubmissions(await findSubmissionsOf(req, key))
    // From the page, a file to hand to the person; from a client, plain JSON.
    const download: Record<string, string> = wantsHtml(req) ? { 'Content-Disposition': 'attachment; filename="du-lieu-ca-nhan.json"' } : {}
    return Response.json({ exportedAt: new Date().toISOString(), count: submissions.length, submissions }, { headers: { 'Cache-Control': 'no-store', ...download } })
  },
}

/** POST /api/questions/personal-data/erase { email } | { phone }: erases those contact details; answers how many records. */
export const erasePersonalData: Endpoint = {
  path: '/personal-data/erase',
  method: 'post',
  handler: async (req) => {
    const key = await keyOrRefusal(req)
    if (key instanceof Response) return key
    const erased = await eraseSubmissionsOf(req, key)
    const message = `Đã xóa thông tin liên hệ của ${erased} câu hỏi, góp ý và ý kiến.`
    // The page gets the count back in its address: a number, never the contact.
    if (wantsHtml(req)) return new Response(null, { status: 303, headers: { Location: `${PAGE}?done=${encodeURIComponent(message)}` } })
    return Response.json({ erased, message }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
