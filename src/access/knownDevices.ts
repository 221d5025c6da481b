import crypto from 'node:crypto'

/**
 * "Known device" cookies (OWASP's answer to password guessing spread over many addresses): a
 * browser that signed in to an account gets a token bound to that account, and may keep trying
 * it while strangers are held back (src/access/loginLimits.ts). The token proves a past sign-in
 * only; it never replaces the password.
 */
export const DEVICE_COOKIE = 'congtin-device'
/** Sent only to the login route, for a year. */
export const DEVICE_COOKIE_PATH = '/api/users/login'
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60
/** Accounts one browser remembers (a shared office PC): the newest are kept. */
const MAX_ACCOUNTS = 5

const normalizedEmail = (email: string) => email.trim().toLowerCase()

function signature(secret: string, email: string, nonce: string): string {
  return crypto.createHmac('sha256', secret).update(`device|${normalizedEmail(email)}|${nonce}`).digest('base64url').slice(0, 27)
}

/** The tokens in a request's cookie header (`nonce.signature`, separated by `~`). */
function tokensIn(cookieHeader: string | null | undefined): string[] {
  const cookie = (cookieHeader ?? '').split(/;\s*/).find((part) => part.startsWith(`${DEVICE_COOKIE}=`))
  if (!cookie) return []
  return cookie
    .slice(DEVICE_COOKIE.length + 1)
    .split('~')
    .filter((token) => /^[\w-]{12}\.[\w-]{27}$/.test(token))
    .slice(-MAX_ACCOUNTS)
}

const matches = (secret: string, email: string, token: string) => {
  const [nonce, given] = token.split('.') as [string, string]
  const expected = signature(secret, email, nonce)
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
}

/** Whether this browser signed in to `email` before. */
export function isKnownDevice(secret: string, email: string, cookieHeader: string | null | undefined): boolean {
  return tokensIn(cookieHeader).some((token) => matches(secret, email, token))
}

/** The Set-Cookie value after a sign-in to `email`: the browser's other accounts kept, this one added. */
export function deviceCookie(secret: string, email: string, cookieHeader: string | null | undefined, secure: boolean): string {
  const others = tokensIn(cookieHeader).filter((token) => !matches(secret, email, token))
  const nonce = crypto.randomBytes(9).toString('base64url')
  const tokens = [...others, `${nonce}.${signature(secret, email, nonce)}`].slice(-MAX_ACCOUNTS)
  return `${DEVICE_COOKIE}=${tokens.join('~')}; Path=${DEVICE_COOKIE_PATH}; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
}
