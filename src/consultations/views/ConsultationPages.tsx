import React from 'react'

import type { ConsultationSummary, PublicConsultation, PublicConsultationComment } from '../../site/readModel/records.ts'
import type { PageContext } from '../../site/views/context.ts'
import type { CommentFormErrors, CommentFormValues } from '../commentForm.ts'

import { CaptchaWidget } from '../../captcha/widget.tsx'
import { describeFile } from '../../documents/files.ts'
import { formatDateTime, formatNumber } from '../../lib/dates.ts'
import { errorId, FieldError, FormNotices, invalid, TextField } from '../../participation/views/QuestionPages.tsx'
import { consultationChallengePath, consultationCommentPath, consultationFilePath, consultationPath, CONSULTATIONS_PATH } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { COMMENT_LIMITS, emptyCommentForm, hasClosed, isOpen } from '../commentForm.ts'

type Frame = { context: PageContext; title: string; path: string; crumb?: string; description?: string; noindex?: boolean; children: React.ReactNode }

function ConsultationFrame({ context, title, path, crumb, description, noindex = false, children }: Frame) {
  const crumbs = crumb ? [{ label: 'Lấy ý kiến dự thảo', href: CONSULTATIONS_PATH }, { label: crumb }] : [{ label: 'Lấy ý kiến dự thảo' }]
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title, description, canonical: absolute(context, path), noindex }}>
      <Breadcrumb crumbs={crumbs} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">{title}</h1>
          {children}
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}

function ConsultationItem({ item, now }: { item: ConsultationSummary; now: Date }) {
  return (
    <li>
      <a href={consultationPath(item.slug)}>{item.title}</a>
      <p className="meta-inline">
        {item.draftingBody ? `${item.draftingBody} · ` : ''}
        {isOpen(item, now) ? `Hạn góp ý: ${formatDateTime(item.closesAt)}` : hasClosed(item, now) ? `Đã kết thúc ngày ${formatDateTime(item.closesAt)}` : `Bắt đầu lấy ý kiến: ${formatDateTime(item.opensAt)}`}
      </p>
    </li>
  )
}

function Group({ id, title, items, now, empty }: { id: string; title: string; items: ConsultationSummary[]; now: Date; empty?: string }) {
  if (items.length === 0 && !empty) return null
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="consultation-list">
          {items.map((item) => (
            <ConsultationItem key={item.id} item={item} now={now} />
          ))}
        </ul>
      )}
    </section>
  )
}

/** The site's drafts put out for comment: open ones first (closing soonest first), then those to come, then closed ones. */
export function ConsultationListPage({ context, consultations, now }: { context: PageContext; consultations: ConsultationSummary[]; now: Date }) {
  const open = consultations.filter((item) => isOpen(item, now)).sort((a, b) => a.closesAt.localeCompare(b.closesAt))
  const upcoming = consultations.filter((item) => !isOpen(item, now) && !hasClosed(item, now)).sort((a, b) => a.opensAt.localeCompare(b.opensAt))
  const closed = consultations.filter((item) => hasClosed(item, now))
  return (
    <ConsultationFrame context={context} title="Lấy ý kiến dự thảo" path={CONSULTATIONS_PATH}>
      <p>Cơ quan công khai các dự thảo văn bản để lấy ý kiến của người dân, tổ chức, doanh nghiệp. Mời bạn đọc dự thảo và gửi góp ý trong thời hạn.</p>
      <Group id="dang-lay-y-kien" title="Đang lấy ý kiến" items={open} now={now} empty="Hiện không có dự thảo nào đang lấy ý kiến." />
      <Group id="sap-lay-y-kien" title="Sắp lấy ý kiến" items={upcoming} now={now} />
      <Group id="da-ket-thuc" title="Đã kết thúc lấy ý kiến" items={closed} now={now} />
    </ConsultationFrame>
  )
}

export type CommentFormState = { values: CommentFormValues; errors: CommentFormErrors; notice?: string }

type PageProps = { context: PageContext; consultation: PublicConsultation; comments: { approved: PublicConsultationComment[]; received: number }; now: Date; form?: CommentFormState }

/** A draft: its summary, points and files; while open the comment form, after closing the agency's report and the count. */
export function ConsultationPage({ context, consultation, comments, now, form }: PageProps) {
  const open = isOpen(consultation, now)
  const closed = hasClosed(consultation, now)
  return (
    <ConsultationFrame context={context} title={consultation.title} path={consultationPath(consultation.slug)} crumb={consultation.title} description={consultation.summary.slice(0, 300)} noindex={Boolean(form)}>
      {form?.notice && !open ? (
        <p className="form-notice" role="alert">
          {form.notice}
        </p>
      ) : null}
      <dl className="document-fields">
        {consultation.draftingBody ? (
          <>
            <dt>Cơ quan soạn thảo</dt>
            <dd>{consultation.draftingBody}</dd>
          </>
        ) : null}
        <dt>Thời gian lấy ý kiến</dt>
        <dd>
          Từ {formatDateTime(consultation.opensAt)} đến {formatDateTime(consultation.closesAt)}
        </dd>
        <dt>Tình trạng</dt>
        <dd>{open ? 'Đang lấy ý kiến' : closed ? 'Đã kết thúc lấy ý kiến' : 'Chưa đến thời gian lấy ý kiến'}</dd>
      </dl>
      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat" className="section-title">
          Tóm tắt dự thảo
        </h2>
        {consultation.summary.split(/\n+/).map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </section>
      {consultation.points.length > 0 ? (
        <section aria-labelledby="noi-dung-xin-y-kien">
          <h2 id="noi-dung-xin-y-kien" className="section-title">
            Nội dung xin ý kiến
          </h2>
          <ol className="consultation-points">
            {consultation.points.map((point) => (
              <li key={point.id}>
                <h3>{point.title}</h3>
                {point.text.split(/\n+/).filter(Boolean).map((line, index) => (
                  <p key={index}>{line}</p>
                ))}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {consultation.files.length > 0 ? (
        <section aria-labelledby="tep-du-thao">
          <h2 id="tep-du-thao" className="section-title">
            Tệp dự thảo
          </h2>
          <ul className="document-files">
            {consultation.files.map((file) => (
              <li key={file.id}>
                <a href={consultationFilePath(consultation.slug, file.filename)} download={file.originalName}>
                  {file.originalName}
                </a>{' '}
                <span className="meta">({describeFile(file.mimeType, file.filesize)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {closed ? <Report consultation={consultation} received={comments.received} /> : null}
      {open ? <CommentForm consultation={consultation} form={form ?? { values: emptyCommentForm(), errors: {} }} /> : null}
      <ApprovedComments consultation={consultation} comments={comments.approved} />
    </ConsultationFrame>
  )
}

function Report({ consultation, received }: { consultation: PublicConsultation; received: number }) {
  return (
    <section aria-labelledby="bao-cao-tiep-thu">
      <h2 id="bao-cao-tiep-thu" className="section-title">
        Báo cáo tiếp thu, giải trình
      </h2>
      <p className="consultation-count">Số ý kiến đã nhận: {formatNumber(received)}</p>
      {consultation.reportHtml ? <div className="article-body" dangerouslySetInnerHTML={{ __html: consultation.reportHtml }} /> : <p>Cơ quan soạn thảo đang tổng hợp, tiếp thu, giải trình các ý kiến.</p>}
    </section>
  )
}

function ApprovedComments({ consultation, comments }: { consultation: PublicConsultation; comments: PublicConsultationComment[] }) {
  if (comments.length === 0) return null
  const titleOf = (comment: PublicConsultationComment) => consultation.points.find((point) => point.id === comment.point)?.title ?? comment.pointTitle
  return (
    <section aria-labelledby="y-kien-cong-bo">
      <h2 id="y-kien-cong-bo" className="section-title">
        Ý kiến góp ý đã công bố
      </h2>
      <ul className="consultation-comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <p className="meta-inline">
              {comment.name}
              {comment.organisation ? ` (${comment.organisation})` : ''} · {formatDateTime(comment.receivedAt)}
              {titleOf(comment) ? ` · Về: ${titleOf(comment)}` : ''}
            </p>
            {comment.comment.split(/\n+/).map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The comment form. Works as a plain HTML form; only the captcha needs JavaScript. */
function CommentForm({ consultation, form }: { consultation: PublicConsultation; form: CommentFormState }) {
  const { values, errors, notice } = form
  return (
    <section aria-labelledby="gui-y-kien">
      <h2 id="gui-y-kien" className="section-title">
        Gửi ý kiến góp ý
      </h2>
      <p>
        Hạn gửi ý kiến: {formatDateTime(consultation.closesAt)}. Ý kiến được công bố sau khi cơ quan xem xét, kèm họ tên và cơ quan, tổ chức (nếu có). Thư điện tử và số điện thoại
        chỉ dùng để liên hệ lại khi cần, không được công bố (Nghị định 13/2023/NĐ-CP). Mục có dấu * là bắt buộc.
      </p>
      <FormNotices notice={notice} errorCount={Object.keys(errors).length} />
      <form method="post" action={consultationCommentPath(consultation.slug)} className="citizen-form" noValidate>
        <fieldset>
          <legend>Người góp ý</legend>
          <TextField name="name" label="Họ và tên" values={values} errors={errors} maxLength={COMMENT_LIMITS.name} required autoComplete="name" />
          <TextField name="organisation" label="Cơ quan, tổ chức (nếu có)" values={values} errors={errors} maxLength={COMMENT_LIMITS.organisation} autoComplete="organization" />
          <TextField name="email" label="Thư điện tử" type="email" values={values} errors={errors} maxLength={COMMENT_LIMITS.email} autoComplete="email" hint="Nhập thư điện tử hoặc số điện thoại (ít nhất một)." />
          <TextField name="phone" label="Điện thoại" type="tel" values={values} errors={errors} maxLength={COMMENT_LIMITS.phone} autoComplete="tel" />
        </fieldset>
        <fieldset>
          <legend>Ý kiến</legend>
          {consultation.points.length > 0 ? (
            <div className="form-field">
              <label htmlFor="f-point">Góp ý về nội dung</label>
              <select id="f-point" name="point" defaultValue={values.point} {...invalid('point', errors)}>
                <option value="">Góp ý chung cho dự thảo</option>
                {consultation.points.map((point) => (
                  <option key={point.id} value={point.id}>
                    {point.title}
                  </option>
                ))}
              </select>
              <FieldError name="point" errors={errors} />
            </div>
          ) : null}
          <div className="form-field">
            <label htmlFor="f-comment">
              Nội dung góp ý<span aria-hidden="true"> *</span>
            </label>
            <textarea id="f-comment" name="comment" rows={8} defaultValue={values.comment} maxLength={COMMENT_LIMITS.comment} required {...invalid('comment', errors)} />
            <FieldError name="comment" errors={errors} />
          </div>
        </fieldset>
        <div className="form-field">
          <CaptchaWidget challengeUrl={consultationChallengePath(consultation.slug)} describedBy={errors.altcha ? errorId('altcha') : undefined} />
          <FieldError name="altcha" errors={errors} />
        </div>
        <button type="submit">Gửi ý kiến</button>
      </form>
    </section>
  )
}

/** After a comment is taken. */
export function CommentReceiptPage({ context, consultation, id }: { context: PageContext; consultation: PublicConsultation; id: number | string }) {
  return (
    <ConsultationFrame context={context} title="Đã nhận ý kiến góp ý" path={consultationPath(consultation.slug)} crumb={consultation.title} noindex>
      <p role="status">
        Cảm ơn bạn. Ý kiến góp ý về dự thảo “{consultation.title}” đã được tiếp nhận với số <strong className="reference">{String(id)}</strong>.
      </p>
      <p>Ý kiến sẽ được công bố trên trang dự thảo sau khi cơ quan xem xét. Thông tin liên hệ của bạn không được công bố.</p>
      <p>
        <a href={consultationPath(consultation.slug)}>Quay trở lại dự thảo</a>
      </p>
    </ConsultationFrame>
  )
}
