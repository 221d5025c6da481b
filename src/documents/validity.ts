import { isoDay } from '../lib/dates.ts'

/**
 * Whether a legal document is in force. Derived from its dates on the Vietnamese calendar unless
 * an editor set it by hand ("partly in force" can only be set by hand: it depends on what later
 * documents amended). The effective date is the first day in force; the expiry date the first day
 * no longer in force.
 */
export const VALIDITIES = ['inForce', 'partlyInForce', 'expired', 'notYetInForce'] as const
export type Validity = (typeof VALIDITIES)[number]

export const VALIDITY_LABELS: Record<Validity, { vi: string; en: string }> = {
  inForce: { vi: 'Còn hiệu lực', en: 'In force' },
  partlyInForce: { vi: 'Hết hiệu lực một phần', en: 'Partly in force' },
  expired: { vi: 'Hết hiệu lực', en: 'No longer in force' },
  notYetInForce: { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
}

export type ValidityDates = {
  issuedAt?: string | null
  effectiveAt?: string | null
  expiresAt?: string | null
  validityOverride?: Validity | null
}

/** The calendar day (yyyy-mm-dd) of an instant in Vietnam. */
export const vietnamDay = isoDay

export function deriveValidity(document: ValidityDates, now: Date = new Date()): Validity {
  if (document.validityOverride) return document.validityOverride
  const today = vietnamDay(now)
  const effective = document.effectiveAt ?? document.issuedAt
  if (effective && vietnamDay(effective) > today) return 'notYetInForce'
  if (document.expiresAt && vietnamDay(document.expiresAt) <= today) return 'expired'
  return 'inForce'
}
