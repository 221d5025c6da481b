import React from 'react'

import type { FeedbackFormErrors, FeedbackFormValues } from '../feedbackForm.ts'
import type { PageContext } from '../../site/views/context.ts'

import { CaptchaWidget } from '../../captcha/widget.tsx'
import { FEEDBACK_CHALLENGE_PATH, FEEDBACK_PATH } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { FEEDBACK_LIMITS } from '../feedbackForm.ts'
import { errorId, FieldError, FormNotices, invalid, TextField } from './QuestionPages.tsx'

function FeedbackFrame({ context, title, children, noindex = false }: { context: PageContext; title: string; children: React.ReactNode; noindex?: boolean }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title, canonical: absolute(context, FEEDBACK_PATH), noindex }}>
      <Breadcrumb crumbs={[{ label: 'Góp ý', href: FEEDBACK_PATH }, { label: title }]} />
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

type FormProps = { context: PageContext; values: FeedbackFormValues; errors: FeedbackFormErrors; notice?: string }

/** The feedback form ("Góp ý"). Works as a plain HTML form; only the captcha needs JavaScript. */
export function FeedbackFormPage({ context, values, errors, notice }: FormProps) {
  const errorCount = Object.keys(errors).length
  return (
    <FeedbackFrame context={context} title="Gửi góp ý">
      <p>
        Cơ quan tiếp nhận góp ý của công dân, tổ chức về hoạt động của cơ quan và nội dung trên trang. Góp ý không được công bố. Họ tên, thư điện tử và điện
        thoại chỉ dùng để xem xét góp ý và liên hệ lại với bạn khi cần, không được công bố (Nghị định 13/2023/NĐ-CP). Mục có dấu * là bắt buộc.
      </p>
      <FormNotices notice={notice} errorCount={errorCount} />
      <form method="post" action={FEEDBACK_PATH} className="citizen-form" noValidate>
        <fieldset>
          <legend>Người góp ý</legend>
          <TextField name="name" label="Họ và tên" values={values} errors={errors} maxLength={FEEDBACK_LIMITS.name} required autoComplete="name" />
          <TextField name="email" label="Thư điện tử" type="email" values={values} errors={errors} maxLength={FEEDBACK_LIMITS.email} autoComplete="email" hint="Nhập thư điện tử hoặc số điện thoại (ít nhất một)." />
          <TextField name="phone" label="Điện thoại" type="tel" values={values} errors={errors} maxLength={FEEDBACK_LIMITS.phone} autoComplete="tel" />
        </fieldset>
        <fieldset>
          <legend>Góp ý</legend>
          <TextField name="subject" label="Chủ đề" values={values} errors={errors} maxLength={FEEDBACK_LIMITS.subject} required />
          <div className="form-field">
            <label htmlFor="f-message">
              Nội dung góp ý<span aria-hidden="true"> *</span>
            </label>
            <textarea id="f-message" name="message" rows={8} defaultValue={values.message} maxLength={FEEDBACK_LIMITS.message} required {...invalid('message', errors)} />
            <FieldError name="message" errors={errors} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Đồng ý</legend>
          <div className="form-check">
            <input id="f-consent" type="checkbox" name="consent" defaultChecked={values.consent} {...invalid('consent', errors)} />
            <label htmlFor="f-consent">Tôi đồng ý để cơ quan tiếp nhận, xử lý thông tin tôi cung cấp nhằm xem xét góp ý này và liên hệ lại khi cần. *</label>
            <FieldError name="consent" errors={errors} />
          </div>
        </fieldset>
        <div className="form-field">
          <CaptchaWidget challengeUrl={FEEDBACK_CHALLENGE_PATH} describedBy={errors.altcha ? errorId('altcha') : undefined} />
          <FieldError name="altcha" errors={errors} />
        </div>
        <button type="submit">Gửi góp ý</button>
      </form>
    </FeedbackFrame>
  )
}

/** After feedback is taken: its reference. */
export function FeedbackReceiptPage({ context, reference }: { context: PageContext; reference: string }) {
  return (
    <FeedbackFrame context={context} title="Đã nhận góp ý" noindex>
      <p role="status">
        Cảm ơn bạn. Góp ý đã được tiếp nhận với số hiệu <strong className="reference">{reference}</strong>.
      </p>
      <p>Hãy ghi lại số hiệu này nếu cần liên hệ với cơ quan về góp ý của bạn. Góp ý không được công bố; cơ quan sẽ liên hệ lại với bạn khi cần.</p>
    </FeedbackFrame>
  )
}
