import type { User } from '../../../src/payload-types.ts'

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/**
 * The "copy last week's recurring entries" form. Plain escaped HTML: Next.js's route bundles may
 * not import react-dom/server. Administrators (all sites) give the site's number.
 */
export function copyRecurringForm({ thisWeek, nextWeek, user, done }: { thisWeek: string; nextWeek: string; user: User; done: string | null }): string {
  const sites = (user.sites ?? []).map((entry) => (typeof entry.site === 'object' ? entry.site : { id: entry.site, name: `Trang ${entry.site}` }))
  const siteField =
    sites.length === 1
      ? `<input type="hidden" name="site" value="${escape(sites[0]!.id)}">`
      : sites.length > 1
        ? `<p><label>Trang: <select name="site">${sites.map((site) => `<option value="${escape(site.id)}">${escape(site.name)}</option>`).join('')}</select></label></p>`
        : '<p><label>Số của trang: <input name="site" inputmode="numeric" required></label></p>'
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sao chép lịch công tác tuần trước</title></head>
<body style="font-family:sans-serif;margin:24px;max-width:40rem">
<p><a href="/admin/collections/schedule-entries">← Trở lại lịch công tác</a></p>
<h1>Sao chép lịch tuần trước</h1>
${done ? `<p role="status">${escape(done)}</p>` : ''}
<p>Các mục đã đăng và được đánh dấu "Lặp lại hằng tuần" của tuần trước tuần được chọn sẽ được chép sang tuần đó, cùng thứ và giờ, dưới dạng bản nháp để kiểm tra rồi đăng. Mục đã có (cùng ngày, giờ và nội dung) không bị chép lại.</p>
<form method="post" action="/api/schedule-entries/copy-recurring">
${siteField}
<fieldset><legend>Chép sang</legend>
<p><label><input type="radio" name="week" value="${escape(thisWeek)}" checked> Tuần này (${escape(thisWeek)})</label></p>
<p><label><input type="radio" name="week" value="${escape(nextWeek)}"> Tuần sau (${escape(nextWeek)})</label></p>
</fieldset>
<p><button type="submit">Sao chép</button></p>
</form></body></html>`
}
