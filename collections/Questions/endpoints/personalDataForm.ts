/**
 * The editors' page for a person's request about their data: export (a JSON file) or erase. Plain
 * escaped HTML, as the schedule's copy form (Next.js's route bundles may not import react-dom/server).
 * The e-mail or phone is posted in the body, never put in the address.
 */
export function personalDataForm(done: string | null): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
  const keyFields = `<p><label>Thư điện tử: <input type="email" name="email" autocomplete="off"></label></p>
<p>hoặc <label>Số điện thoại: <input type="tel" name="phone" autocomplete="off"></label></p>`
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dữ liệu cá nhân của người gửi</title></head>
<body style="font-family:sans-serif;margin:24px;max-width:40rem">
<p><a href="/admin/collections/questions">← Trở lại Hỏi đáp</a></p>
<h1>Dữ liệu cá nhân của người gửi</h1>
${done ? `<p role="status">${escape(done)}</p>` : ''}
<p>Theo yêu cầu của người gửi (Nghị định 13/2023/NĐ-CP): tìm mọi câu hỏi, góp ý và ý kiến góp ý dự thảo có thư điện tử hoặc số điện thoại này trên các trang bạn biên tập. Nhập một trong hai.</p>
<h2>Xuất dữ liệu</h2>
<form method="post" action="/api/questions/personal-data">
${keyFields}
<p><button type="submit">Tải tệp dữ liệu (JSON)</button></p>
</form>
<h2>Xóa thông tin liên hệ</h2>
<p>Xóa thư điện tử, số điện thoại, địa chỉ; tên chỉ còn như đã công bố hoặc "Người gửi". Nội dung câu hỏi, trả lời và ý kiến được giữ. Không thể hoàn tác.</p>
<form method="post" action="/api/questions/personal-data/erase">
${keyFields}
<p><label><input type="checkbox" name="confirm" value="1" required> Tôi xác nhận xóa thông tin liên hệ của người này</label></p>
<p><button type="submit">Xóa thông tin liên hệ</button></p>
</form></body></html>`
}
