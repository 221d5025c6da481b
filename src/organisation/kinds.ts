/** The kinds of unit in an agency's organisation chart, in the chart's order of levels. */
export const UNIT_KINDS = [
  { value: 'agency', label: { vi: 'Cơ quan', en: 'Agency' } },
  { value: 'department', label: { vi: 'Phòng, ban chuyên môn', en: 'Department' } },
  { value: 'attached', label: { vi: 'Đơn vị trực thuộc', en: 'Attached unit' } },
] as const

export type UnitKind = (typeof UNIT_KINDS)[number]['value']

/** The flags of a person: which public lists they are on. */
export const PERSON_ROLES = ['leader', 'contact', 'spokesperson'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]
