import React from 'react'

import type { QuestionField } from '../../payload-types.ts'
import type { FollowUpStatus } from '../queries.ts'
import type { QuestionFormErrors, QuestionFormValues } from '../questionForm.ts'
import type { PageContext } from '../../site/views/context.ts'

import { CaptchaWidget } from '../../captcha/widget.tsx'
import { formatDate } from '../../lib/dates.ts'
import { ASK_QUESTION_CHALLENGE_PATH, ASK_QUESTION_PATH, followUpPath, QUESTIONS_PATH } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS, megabytes } from '../attachments.ts'
import { LIMITS } from '../questionForm.ts'

type Frame = { context: PageContext; title: string; path: string; children: React.ReactNode }

function QuestionFrame({ context, title, path, children }: Frame) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title, canonical: absolute(context, path), noindex: path !== ASK_QUESTION_PATH }}>
      <Breadcrumb crumbs={[{ label: 'Hỏi đáp', href: QUESTIONS_PATH }, { label: title }]} />
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

/** The errors of a citizens' form, by field name (shared by the question and feedback forms). */
type Errors = Partial<Record<string, string>>
export const errorId = (name: string) => `loi-${name}`

/** The error of one field, right under it, tied to the input by aria-describedby. */
export function FieldError({ name, errors }: { name: string; errors: Errors }) {
  return errors[name] ? (
    <p className="field-error" id={errorId(name)}>
      {errors[name]}
    </p>
  ) : null
}

export const invalid = (name: string, errors: Errors) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(name) } : {})

type TextProps = { name: string; label: string; values: Record<string, string | boolean>; errors: Errors; type?: string; maxLength: number; required?: boolean; autoComplete?: string; hint?: string }

/** What went wrong with a sent form, read out first: a notice (captcha, limits) and the count of fields to fix. */
export function FormNotices({ notice, errorCount }: { notice?: string; errorCount: number }) {
  return (
    <>
      {notice ? (
        <p className="form-notice" role="alert">
          {notice}
        </p>
      ) : null}
      {errorCount > 0 ? (
        <p className="form-notice" role="alert">
          Biểu mẫu có {errorCount} lỗi, vui lòng xem lại các mục được đánh dấu.
        </p>
      ) : null}
    </>
  )
}

export function TextField({ name, label, values, errors, type = 'text', maxLength, required, autoComplete, hint }: TextProps) {
  return (
    <div className="form-field">
      <label htmlFor={`f-${name}`}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <input id={`f-${name}`} name={name} type={type} defaultValue={String(values[name])} maxLength={maxLength} required={required} autoComplete={autoComplete} {...invalid(name, errors)} />
      <FieldError name={name} errors={errors} />
    </div>
  )
}

type AskProps = {
  context: PageContext
  fields: Pick<QuestionField, 'id' | 'name'>[]
  values: QuestionFormValues
  errors: QuestionFormErrors
  notice?: string
  attachmentMaxBytes: number
  /** Files sent with a form shown again: a browser never keeps them, so they must be chosen again. */
  filesSent?: number
}

/** Up to three images or PDFs; the hint names the types and the size, and asks again for files a refused form lost. */
function AttachmentsField({ errors, maxBytes, filesSent }: { errors: QuestionFormErrors; maxBytes: number; filesSent: number }) {
  const hintId = 'goi-y-attachments'
  const describedBy = [hintId, errors.attachments ? errorId('attachments') : ''].filter(Boolean).join(' ')
  return (
    <div className="form-field">
      <label htmlFor="f-attachments">Tệp đính kèm (không bắt buộc)</label>
      <p className="field-hint" id={hintId}>
        Tối đa {MAX_ATTACHMENTS} tệp ảnh (JPEG, PNG, WebP) hoặc PDF, mỗi tệp không quá {megabytes(maxBytes)}.
        {filesSent > 0 ? ' Các tệp đã chọn chưa được gửi: vui lòng chọn lại tệp trước khi gửi.' : ''}
      </p>
      <input id="f-attachments" name="attachments" type="file" accept={ATTACHMENT_ACCEPT} multiple aria-describedby={describedBy} {...(errors.attachments ? { 'aria-invalid': true as const } : {})} />
      <FieldError name="attachments" errors={errors} />
    </div>
  )
}

/** The question form. Works as a plain HTML form; only the captcha needs JavaScript. */
export function AskQuestionPage({ context, fields, values, errors, notice, attachmentMaxBytes, filesSent = 0 }: AskProps) {
  const errorCount = Object.keys(errors).length
  return (
    <QuestionFrame context={context} title="Gửi câu hỏi" path={ASK_QUESTION_PATH}>
      <p>
        Cơ quan tiếp nhận câu hỏi của công dân, tổ chức và trả lời công khai trên trang Hỏi đáp. Thông tin cá nhân (họ tên, thư điện tử, điện thoại, địa chỉ) chỉ
        dùng để liên hệ và gửi trả lời cho bạn, không được công bố (Nghị định 13/2023/NĐ-CP). Mục có dấu * là bắt buộc.
      </p>
      <FormNotices notice={notice} errorCount={errorCount} />
      <form method="post" action={ASK_QUESTION_PATH} encType="multipart/form-data" className="citizen-form" noValidate>
        <fieldset>
          <legend>Người hỏi</legend>
          <TextField name="name" label="Họ và tên" values={values} errors={errors} maxLength={LIMITS.name} required autoComplete="name" />
          <TextField name="email" label="Thư điện tử" type="email" values={values} errors={errors} maxLength={LIMITS.email} autoComplete="email" hint="Nhập thư điện tử hoặc số điện thoại (ít nhất một)." />
          <TextField name="phone" label="Điện thoại" type="tel" values={values} errors={errors} maxLength={LIMITS.phone} autoComplete="tel" />
          <TextField name="address" label="Quận/huyện, địa chỉ (không bắt buộc)" values={values} errors={errors} maxLength={LIMITS.address} autoComplete="street-address" />
        </fieldset>
        <fieldset>
          <legend>Câu hỏi</legend>
          <div className="form-field">
            <label htmlFor="f-field">
              Lĩnh vực<span aria-hidden="true"> *</span>
            </label>
            <select id="f-field" name="field" defaultValue={values.field} required {...invalid('field', errors)}>
              <option value="">— Chọn lĩnh vực —</option>
              {fields.map((field) => (
                <option key={field.id} value={String(field.id)}>
                  {field.name}
                </option>
              ))}
            </select>
            <FieldError name="field" errors={errors} />
          </div>
          <TextField name="title" label="Tiêu đề" values={values} errors={errors} maxLength={LIMITS.title} required />
          <div className="form-field">
            <label htmlFor="f-body">
              Nội dung câu hỏi<span aria-hidden="true"> *</span>
            </label>
            <textarea id="f-body" name="body" rows={8} defaultValue={values.body} maxLength={LIMITS.body} required {...invalid('body', errors)} />
            <FieldError name="body" errors={errors} />
          </div>
          <AttachmentsField errors={errors} maxBytes={attachmentMaxBytes} filesSent={filesSent} />
        </fieldset>
        <fieldset>
          <legend>Đồng ý</legend>
          <div className="form-check">
            <input id="f-consent" type="checkbox" name="consent" defaultChecked={values.consent} {...invalid('consent', errors)} />
            <label htmlFor="f-consent">Tôi đồng ý để cơ quan tiếp nhận, xử lý thông tin tôi cung cấp nhằm trả lời câu hỏi này. *</label>
            <FieldError name="consent" errors={errors} />
          </div>
          <div className="form-check">
            <input id="f-consentPublish" type="checkbox" name="consentPublish" defaultChecked={values.consentPublish} {...invalid('consentPublish', errors)} />
            <label htmlFor="f-consentPublish">Tôi đồng ý để câu hỏi và câu trả lời được công bố trên trang, không kèm thư điện tử, điện thoại, địa chỉ. *</label>
            <FieldError name="consentPublish" errors={errors} />
          </div>
          <div className="form-field">
            <label htmlFor="f-nameDisplay">Tên của tôi khi công bố</label>
            <select id="f-nameDisplay" name="nameDisplay" defaultValue={values.nameDisplay} {...invalid('nameDisplay', errors)}>
              <option value="initials">Chỉ tên viết tắt (ví dụ: N.V.A.)</option>
              <option value="full">Họ và tên đầy đủ</option>
              <option value="anonymous">Không hiển thị tên</option>
            </select>
            <FieldError name="nameDisplay" errors={errors} />
          </div>
        </fieldset>
        <div className="form-field">
          <CaptchaWidget challengeUrl={ASK_QUESTION_CHALLENGE_PATH} describedBy={errors.altcha ? errorId('altcha') : undefined} />
          <FieldError name="altcha" errors={errors} />
        </div>
        <button type="submit">Gửi câu hỏi</button>
      </form>
    </QuestionFrame>
  )
}

/** After a question is taken: its reference and the private follow-up link, shown once. */
export function ReceiptPage({ context, reference, token }: { context: PageContext; reference: string; token: string }) {
  const link = absolute(context, followUpPath(token))
  return (
    <QuestionFrame context={context} title="Đã nhận câu hỏi" path={ASK_QUESTION_PATH}>
      <p role="status">
        Cảm ơn bạn. Câu hỏi đã được tiếp nhận với số hiệu <strong className="reference">{reference}</strong>.
      </p>
      <p>Để theo dõi tình trạng xử lý, hãy lưu đường dẫn riêng dưới đây. Chỉ người có đường dẫn này xem được tình trạng; chúng tôi không gửi lại đường dẫn.</p>
      <p>
        <a href={followUpPath(token)} className="follow-up-link">
          {link}
        </a>
      </p>
      <p>Khi câu trả lời được công bố, chúng tôi sẽ báo cho bạn qua thư điện tử (nếu bạn đã cung cấp).</p>
    </QuestionFrame>
  )
}

const STAGE_TEXT = {
  received: () => 'Đã tiếp nhận, đang chờ phân công xử lý.',
  handling: (unit?: string) => (unit ? `Đang được xử lý bởi ${unit}.` : 'Đang được xử lý.'),
  answered: (unit?: string) => (unit ? `Đã được ${unit} trả lời.` : 'Đã được trả lời.'),
  closed: () => 'Câu hỏi không được tiếp nhận để trả lời. Vui lòng liên hệ cơ quan nếu cần thêm thông tin.',
}

/** "Tra cứu": the status of one question, for the holder of its link. */
export function FollowUpPage({ context, status }: { context: PageContext; status: FollowUpStatus }) {
  return (
    <QuestionFrame context={context} title="Tra cứu câu hỏi" path={QUESTIONS_PATH}>
      <dl className="follow-up">
        <dt>Số hiệu</dt>
        <dd className="reference">{status.reference}</dd>
        <dt>Tiêu đề</dt>
        <dd>{status.title}</dd>
        <dt>Ngày gửi</dt>
        <dd>{formatDate(status.receivedAt)}</dd>
        <dt>Tình trạng</dt>
        <dd className="follow-up-status">{STAGE_TEXT[status.stage](status.unit)}</dd>
      </dl>
    </QuestionFrame>
  )
}
