import React from 'react'

import { assetPath } from '../site/paths.ts'

/** The widget's texts in Vietnamese (the same as the polls' script uses). */
const STRINGS = JSON.stringify({
  label: 'Tôi không phải là người máy',
  verify: 'Xác nhận',
  verifying: 'Đang xác nhận…',
  verified: 'Đã xác nhận',
  verificationRequired: 'Vui lòng hoàn tất bước xác nhận.',
  error: 'Xác nhận không thành công. Vui lòng thử lại.',
  expired: 'Mã xác nhận đã hết hạn. Vui lòng xác nhận lại.',
  waitAlert: 'Đang xác nhận… vui lòng chờ trong giây lát.',
  ariaLinkLabel: 'ALTCHA',
  footer: '',
})

/**
 * The ALTCHA widget inside a server-rendered form: it fetches a challenge from `challengeUrl`,
 * solves it in the browser and puts the solution in the hidden input `altcha` of the form.
 * Served from our own /assets (no third party).
 */
export function CaptchaWidget({ challengeUrl, describedBy }: { challengeUrl: string; describedBy?: string }) {
  return (
    <>
      <link rel="stylesheet" href={assetPath('altcha/altcha.css')} />
      <script type="module" src={assetPath('altcha/altcha.js')} />
      {React.createElement('altcha-widget', {
        challengeurl: challengeUrl,
        name: 'altcha',
        hidelogo: '',
        hidefooter: '',
        strings: STRINGS,
        'aria-describedby': describedBy,
      })}
      <noscript>Bước xác nhận cần JavaScript: vui lòng bật JavaScript để gửi biểu mẫu.</noscript>
    </>
  )
}
