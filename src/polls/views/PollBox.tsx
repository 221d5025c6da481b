import React from 'react'

import type { Poll } from '../../payload-types.ts'
import type { PollPhase } from '../schedule.ts'
import type { Results } from '../tally.ts'

import { assetPath, pollPath, pollResultsPath, pollVotePath } from '../../site/paths.ts'
import { ResultBars } from './ResultBars.tsx'

export type PollBoxProps = {
  poll: Pick<Poll, 'id' | 'multiple' | 'options' | 'question' | 'slug'>
  phase: PollPhase
  /** Results everyone may see now, or null (then poll.js shows them to a voter after voting). */
  results: Results | null
  /** `box`: the sidebar widget; `page`: the poll's own page. */
  variant?: 'box' | 'page'
}

/**
 * The question, its options and the confirmation step. The HTML is the same for every reader (it
 * may come from the page cache); poll.js then asks /trang-thai whether this reader has voted,
 * fetches a captcha challenge and sends the vote. Without JavaScript the reader sees the question,
 * the public results and why voting needs it.
 */
export function PollBox({ poll, phase, results, variant = 'box' }: PollBoxProps) {
  const id = `tham-do-${poll.id}`
  const open = phase === 'open'
  const Heading = variant === 'box' ? 'h2' : 'h1'
  return (
    <section className={variant === 'box' ? 'box poll' : 'poll poll-page'} aria-labelledby={id} data-poll={pollPath(poll.slug)}>
      <Heading id={id} className={variant === 'box' ? 'box-title' : 'page-title'}>
        {variant === 'box' ? 'Thăm dò ý kiến' : poll.question}
      </Heading>
      <div className="poll-body">
        {open ? (
          <form className="poll-form" method="post" action={pollVotePath(poll.slug)} data-poll-form noValidate>
            <fieldset>
              <legend className="poll-question">{poll.question}</legend>
              {(poll.options ?? []).map((option) => (
                <label key={option.id} className="poll-option">
                  <input type={poll.multiple ? 'checkbox' : 'radio'} name="choice" value={option.id ?? ''} /> {option.label}
                </label>
              ))}
            </fieldset>
            <div className="poll-captcha" data-poll-captcha>
              <p className="poll-captcha-title">Mã xác nhận</p>
              <noscript>
                <p className="poll-note">
                  Để biểu quyết, vui lòng bật JavaScript: mã xác nhận được trình duyệt của bạn tự tính trong vài giây, không phải gõ chữ
                  và không gửi dữ liệu cho bên thứ ba.
                </p>
              </noscript>
            </div>
            <p className="poll-actions">
              <button type="submit" data-poll-submit disabled>
                Biểu quyết
              </button>{' '}
              <a href={pollResultsPath(poll.slug)}>Xem kết quả</a>
            </p>
            <p className="poll-status" role="status" aria-live="polite" data-poll-status></p>
          </form>
        ) : (
          <>
            <p className="poll-question">{poll.question}</p>
            <p className="poll-note">{phase === 'notYetOpen' ? 'Cuộc thăm dò chưa bắt đầu.' : 'Cuộc thăm dò đã kết thúc.'}</p>
          </>
        )}
        <div data-poll-results>{results ? <ResultBars results={results} caption={open ? 'Kết quả tạm thời' : 'Kết quả'} /> : null}</div>
      </div>
      <link rel="stylesheet" href={assetPath('poll.css')} />
      <script src={assetPath('poll.js')} defer />
    </section>
  )
}
