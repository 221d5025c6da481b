import type { Poll } from '../../../src/payload-types.ts'
import type { Burst, findSuspiciousVotes } from '../../../src/polls/moderation.ts'
import type { Results } from '../../../src/polls/tally.ts'

import { formatDateTime } from '../../../src/lib/dates.ts'

type Review = Awaited<ReturnType<typeof findSuspiciousVotes>>

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/**
 * The moderators' review page: live tally, bursts and flagged votes, with void/restore forms.
 * Plain escaped HTML: Next.js's route bundles may not import react-dom/server.
 */
export function reviewPage({ poll, results, review, done }: { poll: Poll; results: Results; review: Review; done?: string }): string {
  const action = `/api/polls/${escape(poll.id)}/moderate`
  const reason = '<label>Lý do (bắt buộc): <input name="reason" required minlength="3" maxlength="300"></label>'
  const burstRow = (burst: Burst) => `<tr><td>${burst.kind === 'ip' ? 'Địa chỉ IP' : 'Trình duyệt'}</td><td><code>${escape(burst.hash)}</code></td><td>${burst.count}</td>
<td>${escape(formatDateTime(burst.first))} – ${escape(formatDateTime(burst.last))}</td>
<td><form method="post" action="${action}">${burst.voteIds.map((id) => `<input type="hidden" name="ids" value="${escape(id)}">`).join('')}${reason}
<button name="action" value="void">Hủy ${burst.voteIds.length} phiếu</button></form></td></tr>`
  const flagged =
    review.flagged.length === 0
      ? '<p>Không có.</p>'
      : `<form method="post" action="${action}"><ul>${review.flagged
          .map(
            (vote) =>
              `<li><label><input type="checkbox" name="ids" value="${escape(vote.id)}" checked> Phiếu ${escape(vote.id)}, ${escape(formatDateTime(vote.createdAt))}, IP <code>${escape(vote.ipHash)}</code>: ${escape(vote.flagReason)}</label></li>`,
          )
          .join('')}</ul>${reason} <button name="action" value="restore">Khôi phục các phiếu đã chọn</button> <button name="action" value="void">Hủy các phiếu đã chọn</button></form>`
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Xem xét phiếu: ${escape(poll.question)}</title></head>
<body style="font-family:sans-serif;margin:24px">
<p><a href="/admin/collections/polls/${escape(poll.id)}">← Trở lại cuộc thăm dò</a></p>
<h1>Xem xét phiếu: ${escape(poll.question)}</h1>
${done ? `<p role="status">Đã xử lý ${escape(done)} phiếu.</p>` : ''}
<h2>Kết quả hiện tại (phiếu hợp lệ)</h2>
<ul>${results.rows.map((row) => `<li>${escape(row.label)}: ${escape(row.countText)} (${escape(row.shareText)})</li>`).join('')}</ul>
<p>Tổng: ${escape(results.totalText)}</p>
<p>Xuất CSV: <a href="/api/polls/${escape(poll.id)}/export?what=results">kết quả</a> · <a href="/api/polls/${escape(poll.id)}/export?what=votes">danh sách phiếu</a></p>
<h2>Đợt phiếu dồn dập (từ 5 phiếu trong 10 phút từ cùng một nguồn)</h2>
${review.bursts.length === 0 ? '<p>Không có.</p>' : `<table><thead><tr><th>Nguồn</th><th>Mã băm</th><th>Số phiếu</th><th>Khoảng thời gian</th><th>Xử lý</th></tr></thead><tbody>${review.bursts.map(burstRow).join('')}</tbody></table>`}
<h2>Phiếu bị gắn cờ (${review.flagged.length})</h2>
${flagged}
</body></html>`
}
