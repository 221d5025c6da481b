import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import { APIError } from 'payload'

import { COMMON_PASSWORDS } from './commonPasswords.ts'

export const MIN_PASSWORD_LENGTH = 12

const COMMON = new Set(COMMON_PASSWORDS)

/** Why this password is refused, in Vietnamese, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`
  const plain = password.toLowerCase()
  if (COMMON.has(plain) || new Set(plain).size <= 2) return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.'
  return undefined
}

/** On create and on every password change (admin or the user themselves). */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password !== 'string') return data
  const problem = passwordProblem(password)
  // An APIError rather than a ValidationError, whose public message names the field but not the reason.
  if (problem) throw new APIError(problem, 400, [{ message: problem, path: 'password' }], true)
  return data
}

/**
 * A password set through a reset link: Payload's reset writes the new password without running
 * the collection's validate hooks on it, so the same rule is checked here, before anything changes.
 */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  const problem = typeof password === 'string' ? passwordProblem(password) : undefined
  if (problem) throw new APIError(problem, 400, [{ message: problem, path: 'password' }], true)
  return args
}
