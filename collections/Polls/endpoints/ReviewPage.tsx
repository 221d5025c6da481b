import React from 'react'

import type { Poll } from '../../../src/payload-types.ts'
import type { Burst, findSuspiciousVotes } from '../../../src/polls/moderation.ts'
import type { Results } from '../../../src/polls/tally.ts'

import { formatDateTime } from '../../../src/lib/dates.ts'

type Review = Awaited<ReturnType<typeof findSuspiciousVotes>>

/** The moderators' review page: live tally, bursts and flagged votes, with void/restore forms. */
export function ReviewPage({ poll, results, review, done }: { poll: Poll; results: Results; review: Review; done?: string }) {
  const action = `/api/polls/${poll.id}/moderate`
  const reasonField = (
    <label>
      Lý do (bắt buộc): <input name="reason" required minLength={3} maxLength={300} />
    </label>
  )
  const burstRow = (burst: Burst) => (
    <tr key={`${burst.kind}-${burst.hash}`}>
      <td>{burst.kind === 'ip' ? 'Địa chỉ IP' : 'Trình duyệt'}</td>
      <td>
        <code>{burst.hash}</code>
      </td>
      <td>{burst.count}</td>
      <td>
        {formatDateTime(burst.first)} – {formatDateTime(burst.last)}
      </td>
      <td>
        <form method="post" action={action}>
          {burst.voteIds.map((id) => (
            <input key={id} type="hidden" name="ids" value={String(id)} />
          ))}
          {reasonField}{' '}
          <button name="action" value="void">
            Hủy {burst.voteIds.length} phiếu
          </button>
        </form>
      </td>
    </tr>
  )
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <title>{`Xem xét phiếu: ${poll.question}`}</title>
      </head>
      <body style={{ fontFamily: 'sans-serif', margin: 24 }}>
        <p>
          <a href={`/admin/collections/polls/${poll.id}`}>← Trở lại cuộc thăm dò</a>
        </p>
        <h1>Xem xét phiếu: {poll.question}</h1>
        {done ? <p role="status">Đã xử lý {done} phiếu.</p> : null}
        <h2>Kết quả hiện tại (phiếu hợp lệ)</h2>
        <ul>
          {results.rows.map((row) => (
            <li key={row.id}>
              {row.label}: {row.countText} ({row.shareText})
            </li>
          ))}
        </ul>
        <p>Tổng: {results.totalText}</p>
        <p>
          Xuất CSV: <a href={`/api/polls/${poll.id}/export?what=results`}>kết quả</a> · <a href={`/api/polls/${poll.id}/export?what=votes`}>danh sách phiếu</a>
        </p>
        <h2>Đợt phiếu dồn dập (≥ 5 phiếu trong 10 phút từ cùng một nguồn)</h2>
        {review.bursts.length === 0 ? (
          <p>Không có.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Nguồn</th>
                <th>Mã băm</th>
                <th>Số phiếu</th>
                <th>Khoảng thời gian</th>
                <th>Xử lý</th>
              </tr>
            </thead>
            <tbody>{review.bursts.map(burstRow)}</tbody>
          </table>
        )}
        <h2>Phiếu bị gắn cờ ({review.flagged.length})</h2>
        {review.flagged.length === 0 ? (
          <p>Không có.</p>
        ) : (
          <form method="post" action={action}>
            <ul>
              {review.flagged.map((vote) => (
                <li key={vote.id}>
                  <label>
                    <input type="checkbox" name="ids" value={String(vote.id)} defaultChecked /> Phiếu {vote.id}, {formatDateTime(vote.createdAt)}, IP <code>{vote.ipHash}</code>: {vote.flagReason}
                  </label>
                </li>
              ))}
            </ul>
            {reasonField}{' '}
            <button name="action" value="restore">
              Khôi phục các phiếu đã chọn
            </button>{' '}
            <button name="action" value="void">
              Hủy các phiếu đã chọn
            </button>
          </form>
        )}
      </body>
    </html>
  )
}
